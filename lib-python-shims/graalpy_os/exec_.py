"""os.execve (GraalPy has only execv), as CPython's os_execve_impl: fd paths use fexecve; and
os.execv as CPython's os_execv_impl (GraalPy's raises no audit event and asks no policy)."""

import os
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


def environment_block(env):
    """parse_envlist: a mapping → [b"KEY=VALUE", ...] with CPython's checks, in its order."""
    if env is os.environ and b"" not in env._data:
        # subprocess's default: its _data holds the fs-encoded pairs, and every key in it either came
        # from the environment at start-up (cut at its first "=") or passed putenv's check
        return [key + b"=" + value for key, value in env._data.items()]
    if type(env) is dict:
        if not env:
            return []
        size, keys, values = len(env), list(env), list(env.values())
    else:
        size = len(env)  # PyMapping_Size
        keys = _method_output_as_list(env, "keys")
        values = _method_output_as_list(env, "values")
    block = []
    for position in range(size):
        key, value = keys[position], values[position]
        key = fs_converter(key)
        if not key or b"=" in key[1:]:
            raise ValueError("illegal environment variable name")
        block.append(key + b"=" + fs_converter(value))
    return block


def _method_output_as_list(mapping, method):
    """PyMapping_Keys / PyMapping_Values (of a mapping that is not a dict)."""
    output = getattr(mapping, method)()
    try:
        iterator = iter(output)
    except TypeError:
        raise TypeError(f"{type(mapping).__name__}.{method}() returned a non-iterable "
                        f"(type {type(output).__name__})") from None
    return list(iterator)


def exports():
    return {"execve": execve, "execv": execv}
