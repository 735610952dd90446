package org.graalpyos.embed;

import java.util.List;

/**
 * A process that Python code in a Context is about to create, as a {@link ProcessCreationPolicy}
 * sees it, before anything exists. Byte strings are decoded as UTF-8 (invalid bytes replaced).
 *
 * @param function    what Python called: {@code posix_spawn}, {@code posix_spawnp}, {@code execve}, {@code execv},
 *                    {@code fork} (also os.forkpty, pty.fork and multiprocessing's fork), {@code fork_exec}
 *                    (subprocess.Popen without posix_spawn), {@code system}; or a change of credentials:
 *                    {@code setreuid}, {@code setregid}, {@code setgroups} (os's, and subprocess's user=, group=,
 *                    extra_groups= for its child)
 * @param executable  the program's path, or null for a fork or a change of credentials (no new program)
 * @param arguments   its argv (empty for a fork); for a change of credentials the ids, "-1" for unchanged
 * @param environment its environment as {@code NAME=value} entries, or null when it inherits this process's
 */
public record ProcessCreation(String function, String executable, List<String> arguments, List<String> environment) {
}
