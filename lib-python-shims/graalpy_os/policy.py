"""The embedding application's ProcessCreationPolicy (org.graalpyos.embed) for the processes GraalPy
creates natively: subprocess without posix_spawn (_posixsubprocess.fork_exec) and os.system. Our
own builtins (posix_spawn, fork, execve) ask it in Java. This edge check is as strong as Python
code's inability to reach GraalPy's original functions; Context.Builder.allowCreateProcess(false)
is the hard limit."""

import os
import sys

from . import _native, _wire
from ._convert import fs_converter

_graalpy_system = None


def check(function, executable, argv, env):
    """executable: a path or None; argv, env: sequences of paths (env None: inherited). Arguments
    the caller will reject anyway are described as well as they can be, never raised on here: the
    caller's own checks raise CPython's errors after the policy saw the attempt."""
    _native.builtins.check_process_creation(
        function, "" if executable is None else _wire.text(_path_bytes(executable)),
        _wire.items(_path_bytes(arg) for arg in _sequence(argv)),
        "-" if env is None else _wire.items(_path_bytes(entry) for entry in _sequence(env)))


def _sequence(value):
    try:
        return list(value)
    except TypeError:
        return [value]


def _path_bytes(value):
    try:
        data = os.fsencode(value)
    except TypeError:
        data = repr(value).encode()
    return data.replace(b"\0", b"\\0")


def system(command):
    """Execute the command in a subshell."""
    sys.audit("os.system", fs_converter(command))  # CPython's os_system_impl: after FSConverter
    check("system", "/bin/sh", ("sh", "-c", command), None)
    return _graalpy_system(command)


def install():
    global _graalpy_system
    import posix

    if os.system is system:
        return
    _graalpy_system = os.system
    system.__module__ = "posix"
    os.system = system
    posix.system = system
