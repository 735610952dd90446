"""graalpy-os: CPython 3.12's process-creation API for GraalPy.

install() runs once per context, before user code, and puts the functions and constants of the
submodules into ``posix`` and ``os`` (and their ``__all__``), as CPython's posixmodule exports them.
"""


def install(native):
    import os
    import posix

    from . import _native

    _native.set(native)
    from . import audit, confstr, sched, spawn, spawnv, wait

    audit.install()

    for module in (confstr, sched, wait, spawn):
        for name, value in module.exports().items():
            setattr(posix, name, value)
            _export(os, name, value)
    for name, value in spawnv.exports().items():
        _export(os, name, value)


def _export(os, name, value):
    setattr(os, name, value)
    if name not in os.__all__:
        os.__all__.append(name)
