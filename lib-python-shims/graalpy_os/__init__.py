"""graalpy-os: CPython 3.12's process-creation API for GraalPy.

install() runs once per context, before user code, and puts the functions and constants of the
submodules into ``posix`` and ``os`` (and their ``__all__``), as CPython's posixmodule exports them.
"""


def install(native, options=""):
    """options: space-separated words from the host; "no_fork" leaves os.fork out."""
    import os
    import posix

    from . import _native

    _native.set(native)
    from . import atexit_, audit, confstr, credentials, exec_, fork, fork_exec, multiprocessing_, policy, pty_, sched, socket_, spawn, spawnv, wait

    audit.install()
    atexit_.install()
    fork.install_lock_reinit()

    fork_enabled = "no_fork" not in options.split()
    for module in (confstr, sched, wait, spawn, fork, exec_, credentials):
        exports = module.exports(fork_enabled) if module is fork else module.exports()
        for name, value in exports.items():
            value = _as_builtin(value)
            setattr(posix, name, value)
            _export(os, name, value)
    for name, value in spawnv.exports().items():
        value.__module__ = "os"  # os.py functions in CPython, not builtins
        _export(os, name, value)
    for name, value in spawnv.constants().items():
        _export(os, name, value)
    fork_exec.install(fork_enabled)
    policy.install()
    multiprocessing_.install()
    pty_.install()
    socket_.install()


def _export(os, name, value):
    setattr(os, name, value)
    if name not in os.__all__:
        os.__all__.append(name)


def _as_builtin(value):
    """A module function of ours behaves like a C builtin: stored on a class it does not bind
    `self` (CPython's test_posix stores os.posix_spawn as a class attribute)."""
    import types

    if isinstance(value, types.FunctionType):
        value.__module__ = "posix"
        return staticmethod(value)
    return value
