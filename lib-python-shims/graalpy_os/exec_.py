"""os.execve (GraalPy has only execv), as CPython's os_execve_impl: fd paths use fexecve; and
os.execv as CPython's os_execv_impl (GraalPy's raises no audit event and asks no policy)."""

import sys

from . import _codec, _declared, _native
from ._convert import fs_converter, path_converter


def execve(path, argv, env):
    if isinstance(path, int) and not isinstance(path, bool):
        fd, encoded = path, None
    else:
        fd, (path, encoded) = -1, path_converter(path, "execve")
    if not isinstance(argv, (list, tuple)):
        raise TypeError("execve: argv must be a tuple or list")
    if not argv:
        raise ValueError("execve: argv must not be empty")
    if not hasattr(type(env), "__getitem__"):
        raise TypeError("execve: environment must be a mapping object")
    argv_list = [fs_converter(arg) for arg in argv]
    if not argv_list[0]:
        raise ValueError("execve: argv first element cannot be empty")
    from .spawn import environment_block  # not at import: exec_ is loaded at start-up, spawn on first use

    env_list = environment_block(env)
    sys.audit("os.exec", path, argv, env)
    _native.builtins.execve(fd, "" if encoded is None else _codec.text(encoded), path,
                            _codec.items(argv_list), _codec.items(env_list))


def execv(path, argv):
    path, encoded = path_converter(path, "execv")
    if not isinstance(argv, (list, tuple)):
        raise TypeError("execv() arg 2 must be a tuple or list")
    if not argv:
        raise ValueError("execv() arg 2 must not be empty")
    argv_list = [fs_converter(arg) for arg in argv]
    if not argv_list[0]:
        raise ValueError("execv() arg 2 first element cannot be empty")
    sys.audit("os.exec", path, argv, None)
    # CPython's posix_error(): no filename; env None: the environment libc has (execv)
    _native.builtins.execve(-1, _codec.text(encoded), None, _codec.items(argv_list), None)


_declared.wrap(globals(), "exec_")


def exports():
    return {"execve": execve, "execv": execv}
