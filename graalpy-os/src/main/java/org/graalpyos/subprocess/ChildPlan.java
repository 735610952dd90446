package org.graalpyos.subprocess;

import java.util.List;

/**
 * CPython 3.12's child_exec for one Popen, built once in the parent from fork_exec's converted
 * arguments: the fds to keep (ascending), the pipe ends, cwd, umask, the signals restore_signals
 * resets, the session and process group, the credentials, close_fds and the checked programs.
 * It becomes posix_spawn file actions ({@link SubprocessSpawn}) or runs as direct calls in a
 * forked child ({@link ChildSetup}, then {@link ChildExec}). Absent values are -1 (fds, pgid,
 * umask, gid and uid) or null (envp: inherited; cwd: unchanged); groups empty: unchanged.
 */
public record ChildPlan(CheckedExecutables executables, List<byte[]> argv, List<byte[]> envp, byte[] cwd, int[] fdsToKeep,
                int p2cread, int p2cwrite, int c2pread, int c2pwrite, int errread, int errwrite, int errpipeRead, int errpipeWrite,
                boolean closeFds, boolean restoreSignals, boolean setsid, int pgid, int umask, int[] groups, int gid, int uid) {

    /** What posix_spawn cannot do for the child (CPython's vfork path cannot either): a process group, umask, credentials. */
    public boolean needsFork() {
        return pgid >= 0 || umask >= 0 || groups.length > 0 || gid != -1 || uid != -1;
    }
}
