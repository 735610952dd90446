package org.graalpyos.subprocess;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.graalpyos.jvm.JvmFiles;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.SpawnCalls;
import org.graalpyos.spawn.FileAction;
import org.graalpyos.spawn.PosixSpawn;
import org.graalpyos.spawn.SpawnRequest;
import org.graalpyos.spawn.SpawnSetupError;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.nativeapi.Signals;
import org.graalpyos.wait.Wait;

/**
 * subprocess's fork_exec as posix_spawn: a {@link ChildPlan} as file actions and attributes. CPython's _posixsubprocess uses vfork when no
 * preexec_fn or credential change needs a real fork; posix_spawn (clone with CLONE_VM|CLONE_VFORK)
 * is the JVM's equivalent, where GraalPy's fork_exec forks the whole JVM (its page tables:
 * ~40 ms a call). The file actions replay CPython's child_exec: pass_fds made inheritable, the
 * parent's pipe ends closed, the standard fds dup'ed, cwd, close_fds; attributes: setsid and the
 * signals restore_signals resets. Only the spawn itself is replaced: whenever it cannot reproduce
 * the child (an fd layout that needs CPython's dup dance, a glibc without the actions) or fails,
 * the caller takes the fork path, which reports the child's error as CPython's child does.
 */
public final class SubprocessSpawn {
    /** Returned when the fork path must do the work. */
    public static final int USE_FORK = 0;
    private static final int[] RESTORED_SIGNALS = {Signals.SIGPIPE, Signals.SIGXFSZ};
    /** A child that exits 255 at once, as CPython's does after a failed exec. */
    private static final byte[] STAND_IN = "/bin/sh".getBytes(StandardCharsets.US_ASCII);
    private static final List<byte[]> STAND_IN_ARGV = List.of("sh".getBytes(StandardCharsets.US_ASCII), "-c".getBytes(StandardCharsets.US_ASCII),
                    "exit 255".getBytes(StandardCharsets.US_ASCII));

    private SubprocessSpawn() {
    }

    /**
     * The child's pid, or {@link #USE_FORK}. Each checked executable is tried in turn, as CPython's
     * exec loop does; when every one fails to exec, a stand-in child and the error record on
     * errpipe_write tell subprocess what CPython's child would have.
     */
    public static int spawn(ChildPlan plan) {
        List<FileAction> actions = fileActions(plan);
        if (actions == null) {
            return USE_FORK;
        }
        int firstError = 0;
        int lastError = 0;
        boolean execErrorsOnly = true;
        CheckedExecutables executables = plan.executables();
        for (int i = 0; i < executables.size(); i++) {
            int error = executables.error(i);
            if (error == 0) {
                try {
                    return PosixSpawn.spawn(new SpawnRequest(false, executables.path(i), plan.argv(), plan.envp(), actions, null, false,
                                    plan.setsid(), null, plan.restoreSignals() ? RESTORED_SIGNALS : null, null, null));
                } catch (NativeError e) {
                    error = e.errno();
                } catch (SpawnSetupError e) {
                    return USE_FORK;
                }
            }
            // the next executable, as CPython's loop: it reports the first error but ENOENT/ENOTDIR, else the last
            lastError = error;
            if (firstError == 0 && lastError != Errno.ENOENT && lastError != Errno.ENOTDIR) {
                firstError = lastError;
            }
            execErrorsOnly &= isExecOnlyError(lastError);
        }
        // a chdir or dup2 failure looks the same from here, but CPython reports it as "noexec": the fork path does
        if (lastError == 0 || !execErrorsOnly || plan.cwd() != null || plan.errpipeWrite() < 0) {
            return USE_FORK;
        }
        return reportExecFailure(plan.errpipeWrite(), firstError != 0 ? firstError : lastError);
    }

    /** What exec(2) returns and no file action of ours (dup2, close, closefrom) can. */
    private static boolean isExecOnlyError(int errno) {
        return switch (errno) {
            case Errno.ENOENT, Errno.E2BIG, Errno.ENOEXEC, Errno.EACCES, Errno.ENOTDIR, Errno.EISDIR, Errno.ETXTBSY,
                            Errno.ENAMETOOLONG, Errno.ELOOP -> true;
            default -> false;
        };
    }

    /**
     * CPython's child that failed to exec writes its {@link ErrorRecord} and exits 255:
     * subprocess reads the record, reaps the child and raises. The record is written here and
     * the child is a stand-in, where GraalPy's fork_exec would fork the whole JVM (~40 ms) to say it.
     */
    private static int reportExecFailure(int errpipeWrite, int errno) {
        int standIn;
        try {
            standIn = PosixSpawn.spawn(new SpawnRequest(false, STAND_IN, STAND_IN_ARGV, List.of(), List.of(), null, false, false, null,
                            null, null, null));
        } catch (NativeError | SpawnSetupError e) {
            return USE_FORK;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment record = arena.allocate(ErrorRecord.SIZE);
            if (ErrorRecord.write(errpipeWrite, record, ErrorRecord.osError(record, errno, ErrorRecord.Stage.EXEC))) {
                return standIn;
            }
        }
        Wait.reap(standIn);
        return USE_FORK;
    }

    /** child_exec's fd steps in its order, or null when posix_spawn cannot perform them. */
    public static List<FileAction> fileActions(ChildPlan r) {
        if (r.c2pwrite() == 0 || r.errwrite() == 0 || r.errwrite() == 1) {
            return null; // CPython first dups such an fd out of the way (#12607)
        }
        if ((r.cwd() != null && !SpawnCalls.hasSpawnChdir()) || (r.closeFds() && !SpawnCalls.hasSpawnCloseFrom())) {
            return null;
        }
        List<FileAction> actions = new ArrayList<>();
        for (int fd : r.fdsToKeep()) {
            if (fd != r.errpipeWrite()) {
                actions.add(new FileAction.Dup2(fd, fd)); // fd to itself: glibc clears close-on-exec
            }
        }
        for (int parentEnd : new int[]{r.p2cwrite(), r.c2pread(), r.errread(), r.errpipeRead()}) {
            if (parentEnd != -1) {
                actions.add(new FileAction.Close(parentEnd));
            }
        }
        addDup2(actions, r.p2cread(), 0);
        addDup2(actions, r.c2pwrite(), 1);
        addDup2(actions, r.errwrite(), 2);
        if (r.cwd() != null) {
            actions.add(new FileAction.Chdir(r.cwd()));
        }
        // errpipe_write stays open in CPython's child only to report a failed exec, which
        // posix_spawn reports itself: close_fds may close it (its own close-on-exec would at exec)
        if (r.closeFds() && !addCloseFds(actions, without(r.fdsToKeep(), r.errpipeWrite()))) {
            return null;
        }
        return actions;
    }

    /** A plain loop: a lambda's first use would link a class, which a forked JVM child must not. */
    private static int[] without(int[] fds, int fd) {
        int[] rest = new int[fds.length];
        int count = 0;
        for (int kept : fds) {
            if (kept != fd) {
                rest[count++] = kept;
            }
        }
        return Arrays.copyOf(rest, count);
    }

    private static void addDup2(List<FileAction> actions, int fd, int target) {
        if (fd != -1) {
            actions.add(new FileAction.Dup2(fd, target));
        }
    }

    /** close_fds: every fd above stderr but those to keep (sorted ascending, as fork_exec checked). */
    private static boolean addCloseFds(List<FileAction> actions, int[] fdsToKeep) {
        int highestKept = fdsToKeep.length == 0 ? 2 : Math.max(2, fdsToKeep[fdsToKeep.length - 1]);
        if (highestKept > 2) {
            int[] open;
            try {
                open = JvmFiles.openFdNumbers();
            } catch (IOException e) {
                return false;
            }
            for (int fd : open) {
                if (fd > 2 && fd < highestKept && Arrays.binarySearch(fdsToKeep, fd) < 0) {
                    actions.add(new FileAction.Close(fd)); // glibc ignores EBADF: the listing's own fd is closed
                }
            }
        }
        actions.add(new FileAction.CloseFrom(highestKept + 1));
        return true;
    }
}
