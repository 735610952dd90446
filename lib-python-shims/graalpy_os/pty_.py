"""pty.spawn without forking the JVM: a new pty, then posix_spawnp with setsid and the pty's slave
opened as fd 0 (opened after setsid, it becomes the controlling tty) and dup'ed to 1 and 2; the
same child as pty.fork() + execlp, with no JVM fork (no class preloading, no child budget).

Where that cannot reproduce CPython (the program cannot be started: CPython's child reports the
exec error on the tty and exits 1; or a program replaced pty.fork, as CPython's tests do), the
patched spawn takes CPython's own path through pty.fork(). The audit events are CPython's:
"pty.spawn", "os.forkpty", then "os.exec" for each of execlp's attempts (in CPython's child)."""

import os
import sys

from . import fork
from .spawn import spawn_unaudited


def patch(pty):
    """Run once pty has been imported (graalpy_os.install registers it)."""
    original_fork = pty.fork

    def spawn(argv, master_read=pty._read, stdin_read=pty._read):
        """Create a spawned process."""
        if isinstance(argv, str):
            argv = (argv,)
        sys.audit('pty.spawn', argv)
        if pty.fork is original_fork:
            sys.audit("os.forkpty")  # the event of the os.forkpty that pty.fork would call
            started = _spawn_on_new_pty(argv)
            if started is None:
                pid, master_fd = fork.forkpty_after_audit()
                if pid == pty.CHILD:
                    os.execlp(argv[0], *argv)
        else:
            started = None
            pid, master_fd = pty.fork()
            if pid == pty.CHILD:
                os.execlp(argv[0], *argv)
        if started is not None:
            pid, master_fd = started
        try:
            mode = pty.tcgetattr(pty.STDIN_FILENO)
            pty.setraw(pty.STDIN_FILENO)
            restore = True
        except pty.tty.error:  # the same as termios.error
            restore = False
        try:
            pty._copy(master_fd, master_read, stdin_read)
        finally:
            if restore:
                pty.tcsetattr(pty.STDIN_FILENO, pty.tty.TCSAFLUSH, mode)
        pty.close(master_fd)
        return pty.waitpid(pid, 0)[1]

    spawn.__module__ = pty.__name__
    pty.spawn = spawn


def _spawn_on_new_pty(argv):
    """(pid, master_fd), or None when the program cannot be started this way. Raises the
    "os.exec" events of the child's os.execlp (os._execvpe's attempts); a hook refusing one is an
    exec failure too (CPython's child would end with its traceback on the tty)."""
    master_fd, slave_fd = os.openpty()  # both close-on-exec
    try:
        slave = os.readlink(f"/proc/self/fd/{slave_fd}")
        args = tuple(argv)
        file_actions = [(os.POSIX_SPAWN_OPEN, 0, slave, os.O_RDWR, 0),
                        (os.POSIX_SPAWN_DUP2, 0, 1),
                        (os.POSIX_SPAWN_DUP2, 0, 2)]
        for candidate in _exec_candidates(argv[0]):
            sys.audit("os.exec", candidate, args, None)
            try:
                return spawn_unaudited(candidate, args, os.environ, file_actions=file_actions, setsid=True), master_fd
            except OSError:
                continue
    except Exception:
        pass
    finally:
        os.close(slave_fd)
    os.close(master_fd)
    return None


def _exec_candidates(file):
    """The paths os._execvpe tries for execvp(file, ...), in its order and types."""
    if os.path.dirname(file):
        return [file]
    return [os.path.join(directory, os.fsencode(file)) for directory in map(os.fsencode, os.get_exec_path())]
