package org.graalpyos.functions.posix;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/** os.fork, forkpty, register_at_fork, login_tty and abort: graalpy_os/fork.py is their body. */
public final class Fork {
    private Fork() {
    }

    private static PythonFunction fork(String declaration, String doc) {
        return new PythonFunction("fork", declaration, doc);
    }

    public static List<PythonFunction> all() {
        return List.of(
                        fork("posix.register_at_fork(*, before: object = NULL, after_in_child: object = NULL, after_in_parent: object = NULL) -> object", """
                                        Register callables to be called when forking a new process.

                                          before
                                            A callable to be called in the parent before the fork() syscall.
                                          after_in_child
                                            A callable to be called in the child after fork().
                                          after_in_parent
                                            A callable to be called in the parent after fork().

                                        'before' callbacks are called in reverse order.
                                        'after_in_child' and 'after_in_parent' callbacks are called in order."""),
                        fork("posix.fork() -> object", """
                                        Fork a child process.

                                        Return 0 to child process and PID of child to parent process."""),
                        fork("posix.forkpty() -> object", """
                                        Fork a new process with a new pseudo-terminal as controlling tty.

                                        Returns a tuple of (pid, master_fd).
                                        Like fork(), return pid of 0 to the child process,
                                        and pid of child to the parent process.
                                        To both, return fd of newly opened pseudo-terminal."""),
                        fork("posix.login_tty(fd: fildes, /) -> object", """
                                        Prepare the tty of which fd is a file descriptor for a new login session.

                                        Make the calling process a session leader; make the tty the
                                        controlling tty, the stdin, the stdout, and the stderr of the
                                        calling process; close fd."""),
                        fork("posix.abort() -> object", """
                                        Abort the interpreter immediately.

                                        This function 'dumps core' or otherwise fails in the hardest way possible
                                        on the hosting operating system.  This function never returns."""));
    }
}
