"""os.register_at_fork and os.fork with CPython 3.12's protocol (Modules/posixmodule.c).

os_fork_impl, in order: refuse at shutdown (and where this JVM cannot fork), audit "os.fork", PyOS_BeforeFork (before-hooks in
reverse registration order, then the import lock), fork, then in the parent the multi-threaded
DeprecationWarning and PyOS_AfterFork_Parent (release the import lock, after_in_parent hooks), in
the child PyOS_AfterFork_Child (the import lock re-initialized, after_in_child hooks). The JVM
part of the fork (handshake, retries, the child's recovery and watchdog) is the Java builtin's.
"""

import sys

from . import _declared, _native
from ._convert import NULL
from ._unraisable import write_unraisable

_before = []
_after_in_child = []
_after_in_parent = []
_HOOK_LISTS = {"before": _before, "after_in_child": _after_in_child, "after_in_parent": _after_in_parent}

_in_forked_child = False


def register_at_fork(before, after_in_child, after_in_parent):
    hooks = {"before": before, "after_in_child": after_in_child, "after_in_parent": after_in_parent}
    given = {name: hook for name, hook in hooks.items() if hook is not NULL}
    if not given:
        raise TypeError("At least one argument is required.")
    for name, hook in given.items():
        if not callable(hook):
            raise TypeError(f"'{name}' must be callable, not {type(hook).__name__}")
    for name, hook in given.items():
        _HOOK_LISTS[name].append(hook)


def _run_hooks(hooks, reverse=False):
    """run_at_forkers: over a copy, each exception to sys.unraisablehook with the hook as object."""
    copy = list(hooks)
    if reverse:
        copy.reverse()
    for hook in copy:
        try:
            hook()
        except BaseException as error:
            write_unraisable(error, hook)


def before_fork():
    """PyOS_BeforeFork."""
    import _imp

    _run_hooks(_before, reverse=True)
    _imp.acquire_lock()


def after_fork_parent():
    """PyOS_AfterFork_Parent."""
    import _imp

    _imp.release_lock()
    _run_hooks(_after_in_parent)


def after_fork_child():
    """PyOS_AfterFork_Child, after the Java side replaced the GIL, thread states and import lock."""
    import _imp
    import os

    global _in_forked_child
    _in_forked_child = True
    # The import lock kept the depth it had at fork, which includes PyOS_BeforeFork's acquisition.
    _imp.release_lock()
    os._exit = _exit
    _run_hooks(_after_in_child)


def warn_about_fork_with_threads(name):
    """CPython counts OS threads; a JVM always has ~20, so count Python threads (its fallback)."""
    try:
        threading = sys.modules.get("threading")
        if threading is None:
            return
        count = len(threading._active) + len(threading._limbo)
        if count > 1:
            import os
            import warnings

            warnings.warn(f"This process (pid={os.getpid()}) is multi-threaded, use of {name}() may lead to deadlocks "
                          f"in the child.", DeprecationWarning, stacklevel=3)
    except Exception:
        pass  # PyErr_Clear(): even an "error" filter never raises here


def _check_can_fork():
    if sys.is_finalizing():
        raise RuntimeError("can't fork at interpreter shutdown")
    refusal = _native.builtins.fork_prepare()
    if refusal is not None:
        raise RuntimeError(refusal)


def _fork(name, in_child_first=None):
    """PyOS_BeforeFork, the JVM fork, then the child or parent half (os_fork_impl's body)."""
    before_fork()
    try:
        pid = _native.builtins.fork()
    except BaseException:
        warn_about_fork_with_threads(name)
        after_fork_parent()
        raise
    if pid == 0:
        if in_child_first is not None:
            in_child_first()
        after_fork_child()
    else:
        warn_about_fork_with_threads(name)
        after_fork_parent()
    return pid


def fork():
    _check_can_fork()
    sys.audit("os.fork")
    return _fork("fork")


def forkpty():
    _check_can_fork()
    sys.audit("os.forkpty")
    return _forkpty()


def forkpty_after_audit():
    """os.forkpty for pty.spawn, which raised its event already."""
    _check_can_fork()
    return _forkpty()


def _forkpty():
    import os

    master_fd, slave_fd = os.openpty()

    def become_session_leader_on_the_tty():
        # what forkpty(3) does in the child before returning to CPython, failure included: the
        # tty is hung up (EIO) when the parent closed the master before this child got here
        os.close(master_fd)
        try:
            _native.builtins.login_tty(slave_fd)
        except OSError:
            _exit(1)

    try:
        pid = _fork("forkpty", become_session_leader_on_the_tty)
    except BaseException:
        os.close(master_fd)
        os.close(slave_fd)
        raise
    if pid == 0:
        return 0, -1
    os.close(slave_fd)
    return pid, master_fd


def login_tty(fd):
    _native.builtins.login_tty(fd)


def _exit(status):
    """Exit to the system with specified status, without normal exit processing."""
    from ._convert import c_int

    _native.builtins.exit_process(c_int(status))


def abort():
    _native.builtins.abort()


def in_forked_child():
    return _in_forked_child


def end_child(status):
    """A forked child's end after its threads were joined and atexit ran: flush, then _exit(2). A
    JVM child cannot close its context or shut the JVM down (both wait for threads that do not exist)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _native.builtins.exit_process(status & 0xff if status >= 0 else 1)


_declared.wrap(globals(), "fork")


def exports(fork_enabled=True):
    names = {"register_at_fork": register_at_fork, "login_tty": login_tty, "abort": abort}
    if fork_enabled:
        names["fork"] = fork
        names["forkpty"] = forkpty
    return names
