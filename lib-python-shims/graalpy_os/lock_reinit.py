"""_at_fork_reinit for GraalPy's lock types, which lack it: threading and logging call it in a
forked child (installed at start, before threading or logging can be imported)."""

from . import _native


def _lock_at_fork_reinit(self):
    """Initialize the lock in a child process after fork()."""
    _native.builtins.lock_at_fork_reinit(self)


def install():
    import _thread

    if not hasattr(_thread.LockType, "_at_fork_reinit") and not hasattr(_thread.RLock, "_at_fork_reinit"):
        _native.builtins.install_lock_at_fork_reinit(_thread.LockType, _thread.RLock, _lock_at_fork_reinit)
