package org.graalpyos.nativeapi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** posix_spawn(3) and its file actions and attributes. Each returns 0 or -error (they return the error, errno is not theirs). */
public final class SpawnCalls {
    private SpawnCalls() {
    }

    @CConstant("sizeof(posix_spawn_file_actions_t)") public static final long FILE_ACTIONS_SIZE = 80;
    @CConstant("sizeof(posix_spawnattr_t)") public static final long SPAWNATTR_SIZE = 336;

    private static final class Spawn {
        static final FunctionDescriptor SPAWN_DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle POSIX_SPAWN = downcall("posix_spawn", SPAWN_DESC);
        static final MethodHandle POSIX_SPAWNP = downcall("posix_spawnp", SPAWN_DESC);
        static final MethodHandle FA_INIT = downcall("posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle FA_DESTROY = downcall("posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle FA_OPEN = downcall("posix_spawn_file_actions_addopen",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle FA_CLOSE = downcall("posix_spawn_file_actions_addclose", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle FA_DUP2 = downcall("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle ATTR_INIT = downcall("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle ATTR_DESTROY = downcall("posix_spawnattr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle ATTR_SETFLAGS = downcall("posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, ValueLayout.JAVA_SHORT));
        static final MethodHandle ATTR_SETPGROUP = downcall("posix_spawnattr_setpgroup", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle ATTR_SETSIGMASK = downcall("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle ATTR_SETSIGDEFAULT = downcall("posix_spawnattr_setsigdefault", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle ATTR_SETSCHEDPOLICY = downcall("posix_spawnattr_setschedpolicy", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle ATTR_SETSCHEDPARAM = downcall("posix_spawnattr_setschedparam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /** glibc 2.34+ (POSIX_SPAWN_CLOSEFROM). */
    private static final class SpawnCloseFrom {
        static final MethodHandle FA_CLOSEFROM = Downcalls.downcallIfPresent("posix_spawn_file_actions_addclosefrom_np",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }

    /** glibc 2.29+. */
    private static final class SpawnChdir {
        static final MethodHandle FA_CHDIR = Downcalls.downcallIfPresent("posix_spawn_file_actions_addchdir_np",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /** Whether glibc offers posix_spawn_file_actions_addchdir_np. */
    public static boolean hasSpawnChdir() {
        return SpawnChdir.FA_CHDIR != null;
    }

    /** Whether glibc offers posix_spawn_file_actions_addclosefrom_np. */
    public static boolean hasSpawnCloseFrom() {
        return SpawnCloseFrom.FA_CLOSEFROM != null;
    }

    /** posix_spawnp(3) when {@code searchPath}, else posix_spawn(3). */
    public static int posixSpawn(boolean searchPath, MemorySegment pidOut, MemorySegment path, MemorySegment fileActions,
                    MemorySegment attr, MemorySegment argv, MemorySegment envp) {
        return Downcalls.callReturningError(searchPath ? Spawn.POSIX_SPAWNP : Spawn.POSIX_SPAWN, pidOut, path, fileActions, attr, argv, envp);
    }

    public static int fileActionsInit(MemorySegment fa) {
        return Downcalls.callReturningError(Spawn.FA_INIT, fa);
    }

    public static int fileActionsDestroy(MemorySegment fa) {
        return Downcalls.callReturningError(Spawn.FA_DESTROY, fa);
    }

    public static int fileActionsAddOpen(MemorySegment fa, int fd, MemorySegment path, int oflag, int mode) {
        return Downcalls.callReturningError(Spawn.FA_OPEN, fa, fd, path, oflag, mode);
    }

    public static int fileActionsAddClose(MemorySegment fa, int fd) {
        return Downcalls.callReturningError(Spawn.FA_CLOSE, fa, fd);
    }

    public static int fileActionsAddDup2(MemorySegment fa, int fd, int newFd) {
        return Downcalls.callReturningError(Spawn.FA_DUP2, fa, fd, newFd);
    }

    /** Only where {@link #hasSpawnCloseFrom()}. */
    public static int fileActionsAddCloseFrom(MemorySegment fa, int fd) {
        return Downcalls.callReturningError(SpawnCloseFrom.FA_CLOSEFROM, fa, fd);
    }

    /** Only where {@link #hasSpawnChdir()}. */
    public static int fileActionsAddChdir(MemorySegment fa, MemorySegment path) {
        return Downcalls.callReturningError(SpawnChdir.FA_CHDIR, fa, path);
    }

    public static int spawnAttrInit(MemorySegment attr) {
        return Downcalls.callReturningError(Spawn.ATTR_INIT, attr);
    }

    public static int spawnAttrDestroy(MemorySegment attr) {
        return Downcalls.callReturningError(Spawn.ATTR_DESTROY, attr);
    }

    public static int spawnAttrSetFlags(MemorySegment attr, short flags) {
        return Downcalls.callReturningError(Spawn.ATTR_SETFLAGS, attr, flags);
    }

    public static int spawnAttrSetPgroup(MemorySegment attr, int pgroup) {
        return Downcalls.callReturningError(Spawn.ATTR_SETPGROUP, attr, pgroup);
    }

    public static int spawnAttrSetSigmask(MemorySegment attr, MemorySegment sigset) {
        return Downcalls.callReturningError(Spawn.ATTR_SETSIGMASK, attr, sigset);
    }

    public static int spawnAttrSetSigdefault(MemorySegment attr, MemorySegment sigset) {
        return Downcalls.callReturningError(Spawn.ATTR_SETSIGDEFAULT, attr, sigset);
    }

    public static int spawnAttrSetSchedPolicy(MemorySegment attr, int policy) {
        return Downcalls.callReturningError(Spawn.ATTR_SETSCHEDPOLICY, attr, policy);
    }

    public static int spawnAttrSetSchedParam(MemorySegment attr, MemorySegment schedParam) {
        return Downcalls.callReturningError(Spawn.ATTR_SETSCHEDPARAM, attr, schedParam);
    }
}
