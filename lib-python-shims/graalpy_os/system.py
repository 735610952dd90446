"""os.system through Java (org.graalpyos.builtins.SystemBuiltin): the host's policy sees the
command, then GraalPy's own os.system, which only Java holds, runs it."""

import sys

from . import _codec, _native
from ._convert import fs_converter


def system(command):
    """Execute the command in a subshell."""
    command = fs_converter(command)
    sys.audit("os.system", command)  # CPython's os_system_impl: after FSConverter
    return _native.builtins.system(_codec.text(command))


def install():
    import os
    import posix

    system.__module__ = "posix"
    os.system = system
    posix.system = system
