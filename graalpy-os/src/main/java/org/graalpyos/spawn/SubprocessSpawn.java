package org.graalpyos.spawn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.graalpyos.jvm.JvmFiles;
import org.graalpyos.nativeapi.Libc;
import org.graalpyos.nativeapi.NativeError;

/**
 * subprocess's fork_exec as posix_spawn. CPython's _posixsubprocess uses vfork when no
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
    private static final int[] RESTORED_SIGNALS = {Libc.SIGPIPE, Libc.SIGXFSZ};

    /** The arguments of fork_exec that a spawn can honour, converted as CPython's clinic does. */
    public record Request(List<byte[]> executables, List<byte[]> argv, List<byte[]> envp, byte[] cwd, int[] fdsToKeep,
                    int p2cread, int p2cwrite, int c2pread, int c2pwrite, int errread, int errwrite, int errpipeRead,
                    int errpipeWrite, boolean closeFds, boolean restoreSignals, boolean setsid) {
    }

    private SubprocessSpawn() {
    }

    /** The child's pid, or {@link #USE_FORK}. Each executable is tried in turn, as CPython's exec loop does. */
    public static int spawn(Request request) {
        List<FileAction> actions = fileActions(request);
        if (actions == null) {
            return USE_FORK;
        }
        for (byte[] executable : request.executables()) {
            try {
                return PosixSpawn.spawn(new SpawnRequest(false, executable, request.argv(), request.envp(), actions, null, false,
                                request.setsid(), null, request.restoreSignals() ? RESTORED_SIGNALS : null, null, null));
            } catch (NativeError | SpawnSetupError e) {
                // the next executable; if none starts, the fork path reports why
            }
        }
        return USE_FORK;
    }

    /** child_exec's fd steps in its order, or null when posix_spawn cannot perform them. */
    private static List<FileAction> fileActions(Request r) {
        if (r.c2pwrite() == 0 || r.errwrite() == 0 || r.errwrite() == 1) {
            return null; // CPython first dups such an fd out of the way (#12607)
        }
        if ((r.cwd() != null && !Libc.hasSpawnChdir()) || (r.closeFds() && !Libc.hasSpawnCloseFrom())) {
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
