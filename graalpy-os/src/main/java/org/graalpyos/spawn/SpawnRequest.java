package org.graalpyos.spawn;

import java.util.List;

/**
 * A posix_spawn call, already validated the way CPython's py_posix_spawn validates it.
 *
 * @param envp the environment, or null for this process's own (libc's environ)
 * @param setpgroup the process group, or null when the option was not given
 * @param sigmask signals to block in the child, or null when not given
 * @param sigdefault signals reset to SIG_DFL in the child, or null when not given
 * @param schedPolicy the scheduling policy, or null to keep the parent's
 * @param schedPriority the sched_param priority, or null when no scheduler was given
 */
public record SpawnRequest(boolean searchPath, byte[] path, List<byte[]> argv, List<byte[]> envp, List<FileAction> fileActions,
                Integer setpgroup, boolean resetids, boolean setsid, int[] sigmask, int[] sigdefault, Integer schedPolicy,
                Integer schedPriority) {
}
