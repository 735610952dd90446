package org.graalpyos.spawn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Libc;
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
            MemorySegment fileActions = arena.allocate(Libc.FILE_ACTIONS_SIZE, 16);
            MemorySegment attr = arena.allocate(Libc.SPAWNATTR_SIZE, 16);
            check(Libc.fileActionsInit(fileActions));
            try {
                check(Libc.spawnAttrInit(attr));
                try {
                    addFileActions(arena, fileActions, request.fileActions());
                    setAttributes(arena, attr, request);
                    MemorySegment pid = arena.allocate(JAVA_INT);
                    int err = Libc.posixSpawn(request.searchPath(), pid, CStrings.of(arena, request.path()), fileActions, attr,
                                    CStrings.array(arena, request.argv()),
                                    request.envp() == null ? Libc.environ() : CStrings.array(arena, request.envp()));
                    if (err != 0) {
                        throw new NativeError(err);
                    }
                    return pid.get(JAVA_INT, 0);
                } finally {
                    Libc.spawnAttrDestroy(attr);
                }
            } finally {
                Libc.fileActionsDestroy(fileActions);
            }
        }
    }

    private static void addFileActions(Arena arena, MemorySegment fa, List<FileAction> actions) {
        for (FileAction action : actions) {
            int rc = switch (action) {
                case FileAction.Open o -> Libc.fileActionsAddOpen(fa, o.fd(), CStrings.of(arena, o.path()), o.oflag(), o.mode());
                case FileAction.Close c -> Libc.fileActionsAddClose(fa, c.fd());
                case FileAction.Dup2 d -> Libc.fileActionsAddDup2(fa, d.fd(), d.newFd());
                case FileAction.CloseFrom c -> Libc.fileActionsAddCloseFrom(fa, c.fd());
                case FileAction.Chdir c -> Libc.fileActionsAddChdir(fa, CStrings.of(arena, c.path()));
            };
            check(rc);
        }
    }

    private static void setAttributes(Arena arena, MemorySegment attr, SpawnRequest request) {
        short flags = 0;
        if (request.setpgroup() != null) {
            check(Libc.spawnAttrSetPgroup(attr, request.setpgroup()));
            flags |= POSIX_SPAWN_SETPGROUP;
        }
        if (request.resetids()) {
            flags |= POSIX_SPAWN_RESETIDS;
        }
        if (request.setsid()) {
            flags |= POSIX_SPAWN_SETSID;
        }
        if (request.sigmask() != null) {
            check(Libc.spawnAttrSetSigmask(attr, sigset(arena, request.sigmask())));
            flags |= POSIX_SPAWN_SETSIGMASK;
        } else {
            // the caller's mask, as in CPython, but without SIGQUIT: HotSpot blocks it in every Java
            // thread (only its VM thread takes it, for thread dumps), which no python3 child inherits
            MemorySegment mask = arena.allocate(Libc.SIGSET_SIZE, 8);
            Libc.pthreadSigmask(Signals.SIG_BLOCK, MemorySegment.NULL, mask);
            Libc.sigdelset(mask, Signals.SIGQUIT);
            check(Libc.spawnAttrSetSigmask(attr, mask));
            flags |= POSIX_SPAWN_SETSIGMASK;
        }
        if (request.sigdefault() != null) {
            check(Libc.spawnAttrSetSigdefault(attr, sigset(arena, request.sigdefault())));
            flags |= POSIX_SPAWN_SETSIGDEF;
        }
        if (request.schedPriority() != null) {
            if (request.schedPolicy() != null) {
                check(Libc.spawnAttrSetSchedPolicy(attr, request.schedPolicy()));
                flags |= POSIX_SPAWN_SETSCHEDULER;
            }
            MemorySegment param = arena.allocate(JAVA_INT);
            param.set(JAVA_INT, 0, request.schedPriority());
            check(Libc.spawnAttrSetSchedParam(attr, param));
            flags |= POSIX_SPAWN_SETSCHEDPARAM;
        }
        check(Libc.spawnAttrSetFlags(attr, flags));
    }

    /** Signal numbers the C library rejects (glibc's reserved ones) were already warned about by the shim. */
    private static MemorySegment sigset(Arena arena, int[] signals) {
        MemorySegment set = arena.allocate(Libc.SIGSET_SIZE, 8);
        Libc.sigemptyset(set);
        MemorySegment errnoState = Libc.allocateErrnoState(arena);
        for (int signal : signals) {
            Libc.sigaddset(errnoState, set, signal);
        }
        return set;
    }

    private static void check(int rc) {
        if (rc != 0) {
            throw new SpawnSetupError(rc);
        }
    }
}
