"""pty.spawn without forking the JVM: a new pty, then posix_spawnp with setsid and the pty's slave
opened as fd 0 (opened after setsid, it becomes the controlling tty) and dup'ed to 1 and 2; the
same child as pty.fork() + execlp, with no JVM fork (no class preloading, no child budget).

Where that cannot reproduce CPython (the program cannot be started: CPython's child reports the
exec error on the tty and exits 1; or a program replaced pty.fork, as CPython's tests do), the
patched spawn takes CPython's own path through pty.fork()."""

import os
import sys


def patch(pty):
    """Run once pty has been imported (graalpy_os.install registers it)."""
    original_fork = pty.fork

    def spawn(argv, master_read=pty._read, stdin_read=pty._read):
        """Create a spawned process."""
        if isinstance(argv, str):
            argv = (argv,)
        sys.audit('pty.spawn', argv)
        started = _spawn_on_new_pty(argv) if pty.fork is original_fork else None
        if started is None:
            pid, master_fd = pty.fork()
            if pid == pty.CHILD:
                os.execlp(argv[0], *argv)
        else:
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
    """(pid, master_fd), or None when the program cannot be started this way."""
    master_fd, slave_fd = os.openpty()  # both close-on-exec
    try:
        slave = os.readlink(f"/proc/self/fd/{slave_fd}")
        pid = os.posix_spawnp(argv[0], list(argv), os.environ, setsid=True, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, slave, os.O_RDWR, 0),
            (os.POSIX_SPAWN_DUP2, 0, 1),
            (os.POSIX_SPAWN_DUP2, 0, 2)])
    except (OSError, ValueError, TypeError, IndexError):
        os.close(master_fd)
        return None
    finally:
        os.close(slave_fd)
    return pid, master_fd
