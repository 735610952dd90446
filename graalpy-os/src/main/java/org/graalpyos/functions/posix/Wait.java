package org.graalpyos.functions.posix;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/** os.wait, waitpid, wait3, wait4, waitid and the wait-status functions: graalpy_os/wait.py is their body. */
public final class Wait {
    private Wait() {
    }

    private static PythonFunction wait(String declaration, String doc) {
        return new PythonFunction("wait", declaration, doc);
    }

    public static List<PythonFunction> all() {
        return List.of(
                        wait("posix.wait() -> object", """
                                        Wait for completion of a child process.

                                        Returns a tuple of information about the child process:
                                            (pid, status)"""),
                        wait("posix.waitpid(pid: pid_t, options: int, /) -> object", """
                                        Wait for completion of a given child process.

                                        Returns a tuple of information regarding the child process:
                                            (pid, status)

                                        The options argument is ignored on Windows."""),
                        wait("posix.wait3(options: int) -> object", """
                                        Wait for completion of a child process.

                                        Returns a tuple of information about the child process:
                                          (pid, status, rusage)"""),
                        wait("posix.wait4(pid: pid_t, options: int) -> object", """
                                        Wait for completion of a specific child process.

                                        Returns a tuple of information about the child process:
                                          (pid, status, rusage)"""),
                        wait("posix.waitid(idtype: int, id: pid_t, options: int, /) -> object", """
                                        Returns the result of waiting for a process or processes.

                                          idtype
                                            Must be one of be P_PID, P_PGID or P_ALL.
                                          id
                                            The id to wait on.
                                          options
                                            Constructed from the ORing of one or more of WEXITED, WSTOPPED
                                            or WCONTINUED and additionally may be ORed with WNOHANG or WNOWAIT.

                                        Returns either waitid_result or None if WNOHANG is specified and there are
                                        no children in a waitable state."""),
                        wait("posix.WCOREDUMP(status: int, /) -> object", "Return True if the process returning status was dumped to a core file."),
                        wait("posix.WIFCONTINUED(status: int) -> object", """
                                        Return True if a particular process was continued from a job control stop.

                                        Return True if the process returning status was continued from a
                                        job control stop."""),
                        wait("posix.WIFSTOPPED(status: int) -> object", "Return True if the process returning status was stopped."),
                        wait("posix.WIFSIGNALED(status: int) -> object", "Return True if the process returning status was terminated by a signal."),
                        wait("posix.WIFEXITED(status: int) -> object", "Return True if the process returning status exited via the exit() system call."),
                        wait("posix.WEXITSTATUS(status: int) -> object", "Return the process return code from status."),
                        wait("posix.WTERMSIG(status: int) -> object", "Return the signal that terminated the process that provided the status value."),
                        wait("posix.WSTOPSIG(status: int) -> object", "Return the signal that stopped the process that provided the status value."),
                        wait("posix.waitstatus_to_exitcode(status: int) -> object", """
                                        Convert a wait status to an exit code.

                                        On Unix:

                                        * If WIFEXITED(status) is true, return WEXITSTATUS(status).
                                        * If WIFSIGNALED(status) is true, return -WTERMSIG(status).
                                        * Otherwise, raise a ValueError.

                                        On Windows, return status shifted right by 8 bits.

                                        On Unix, if the process is being traced or if waitpid() was called with
                                        WUNTRACED option, the caller must first check if WIFSTOPPED(status) is true.
                                        This function must not be called if WIFSTOPPED(status) is true."""));
    }
}
