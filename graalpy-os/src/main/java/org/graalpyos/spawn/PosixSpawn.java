package org.graalpyos.spawn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.SpawnCalls;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.nativeapi.Signals;

/**
 * posix_spawn(3)/posix_spawnp(3): a request becomes file actions and attributes in native
 * memory, freed before return. glibc reports exec failures of the child as the return value,
 * which we raise with the path as filename, as CPython does.
 */
public final class PosixSpawn {
    @CConstant private static final short POSIX_SPAWN_RESETIDS = 0x01;
    @CConstant private static final short POSIX_SPAWN_SETPGROUP = 0x02;
    @CConstant private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    @CConstant private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    @CConstant private static final short POSIX_SPAWN_SETSCHEDPARAM = 0x10;
    @CConstant private static final short POSIX_SPAWN_SETSCHEDULER = 0x20;
    @CConstant private static final short POSIX_SPAWN_SETSID = 0x80;

    private PosixSpawn() {
    }

    /** Spawns and returns the child's pid; throws {@link NativeError} or {@link SpawnSetupError}. */
    public static int spawn(SpawnRequest request) {
        JvmFdsCloseOnExec.markJvmFiles();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fileActions = arena.allocate(SpawnCalls.FILE_ACTIONS_SIZE, 16);
            MemorySegment attr = arena.allocate(SpawnCalls.SPAWNATTR_SIZE, 16);
            check(SpawnCalls.fileActionsInit(fileActions));
            try {
                check(SpawnCalls.spawnAttrInit(attr));
                try {
                    addFileActions(arena, fileActions, request.fileActions());
                    setAttributes(arena, attr, request);
                    MemorySegment pid = arena.allocate(JAVA_INT);
                    int err = SpawnCalls.posixSpawn(request.searchPath(), pid, CStrings.of(arena, request.path()), fileActions, attr,
                                    CStrings.array(arena, request.argv()),
                                    request.envp() == null ? ProcessCalls.environ() : CStrings.array(arena, request.envp()));
                    NativeError.check(err);
                    return pid.get(JAVA_INT, 0);
                } finally {
                    SpawnCalls.spawnAttrDestroy(attr);
                }
            } finally {
                SpawnCalls.fileActionsDestroy(fileActions);
            }
        }
    }

    private static void addFileActions(Arena arena, MemorySegment fa, List<FileAction> actions) {
        for (FileAction action : actions) {
            int rc = switch (action) {
                case FileAction.Open o -> SpawnCalls.fileActionsAddOpen(fa, o.fd(), CStrings.of(arena, o.path()), o.oflag(), o.mode());
                case FileAction.Close c -> SpawnCalls.fileActionsAddClose(fa, c.fd());
                case FileAction.Dup2 d -> SpawnCalls.fileActionsAddDup2(fa, d.fd(), d.newFd());
                case FileAction.CloseFrom c -> SpawnCalls.fileActionsAddCloseFrom(fa, c.fd());
                case FileAction.Chdir c -> SpawnCalls.fileActionsAddChdir(fa, CStrings.of(arena, c.path()));
            };
            check(rc);
        }
    }

    private static void setAttributes(Arena arena, MemorySegment attr, SpawnRequest request) {
        short flags = 0;
        if (request.setpgroup() != null) {
            check(SpawnCalls.spawnAttrSetPgroup(attr, request.setpgroup()));
            flags |= POSIX_SPAWN_SETPGROUP;
        }
        if (request.resetids()) {
            flags |= POSIX_SPAWN_RESETIDS;
        }
        if (request.setsid()) {
            flags |= POSIX_SPAWN_SETSID;
        }
        if (request.sigmask() != null) {
            check(SpawnCalls.spawnAttrSetSigmask(attr, sigset(arena, request.sigmask())));
            flags |= POSIX_SPAWN_SETSIGMASK;
        } else {
            // the caller's mask, as in CPython, but without SIGQUIT: HotSpot blocks it in every Java
            // thread (only its VM thread takes it, for thread dumps), which no python3 child inherits
            MemorySegment mask = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
            SignalCalls.pthreadSigmask(Signals.SIG_BLOCK, MemorySegment.NULL, mask);
            SignalCalls.sigdelset(Downcalls.allocateErrnoState(arena), mask, Signals.SIGQUIT);
            check(SpawnCalls.spawnAttrSetSigmask(attr, mask));
            flags |= POSIX_SPAWN_SETSIGMASK;
        }
        if (request.sigdefault() != null) {
            check(SpawnCalls.spawnAttrSetSigdefault(attr, sigset(arena, request.sigdefault())));
            flags |= POSIX_SPAWN_SETSIGDEF;
        }
        if (request.schedPriority() != null) {
            if (request.schedPolicy() != null) {
                check(SpawnCalls.spawnAttrSetSchedPolicy(attr, request.schedPolicy()));
                flags |= POSIX_SPAWN_SETSCHEDULER;
            }
            MemorySegment param = arena.allocate(JAVA_INT);
            param.set(JAVA_INT, 0, request.schedPriority());
            check(SpawnCalls.spawnAttrSetSchedParam(attr, param));
            flags |= POSIX_SPAWN_SETSCHEDPARAM;
        }
        check(SpawnCalls.spawnAttrSetFlags(attr, flags));
    }

    /** Signal numbers the C library rejects (glibc's reserved ones) were already warned about by the shim. */
    private static MemorySegment sigset(Arena arena, int[] signals) {
        MemorySegment set = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
        MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
        SignalCalls.sigemptyset(errnoState, set);
        for (int signal : signals) {
            SignalCalls.sigaddset(errnoState, set, signal);
        }
        return set;
    }

    private static void check(int rc) {
        if (rc < 0) {
            throw new SpawnSetupError(-rc);
        }
    }
}
