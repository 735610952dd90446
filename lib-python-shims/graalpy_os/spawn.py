"""os.posix_spawn and os.posix_spawnp: CPython 3.12's py_posix_spawn, argument by argument.

Parsing happens here, once, in CPython's order and with its messages; the Java builtin gets
fs-encoded bytes and plain ints and does the native work.
"""

import functools
import os
import sys

from . import _codec, _native
from ._clinic import keywords
from ._convert import c_int, c_long, format_int, format_unsigned_long_mask, fs_converter, index, path_converter, pid_t
from .exec_ import environment_block

POSIX_SPAWN_OPEN = 0
POSIX_SPAWN_CLOSE = 1
POSIX_SPAWN_DUP2 = 2
POSIX_SPAWN_CLOSEFROM = 3

_NOT_GIVEN = object()
_NO_FILE_ACTIONS = ()


@keywords
def posix_spawn(path, argv, env, /, *, file_actions=_NO_FILE_ACTIONS, setpgroup=_NOT_GIVEN, resetids=False, setsid=False,
                setsigmask=_NOT_GIVEN, setsigdef=_NOT_GIVEN, scheduler=_NOT_GIVEN):
    """Execute the program specified by path in a new process."""
    return _spawn("posix_spawn", False, True, path, argv, env, file_actions, setpgroup, resetids, setsid,
                  setsigmask, setsigdef, scheduler)


@keywords
def posix_spawnp(path, argv, env, /, *, file_actions=_NO_FILE_ACTIONS, setpgroup=_NOT_GIVEN, resetids=False, setsid=False,
                 setsigmask=_NOT_GIVEN, setsigdef=_NOT_GIVEN, scheduler=_NOT_GIVEN):
    """Execute the program specified by path in a new process, searching PATH."""
    return _spawn("posix_spawnp", True, True, path, argv, env, file_actions, setpgroup, resetids, setsid,
                  setsigmask, setsigdef, scheduler)


def _with_plain_call_path(search_path, parsed):
    """The call most programs make, (str path, list or tuple of str, {} or os.environ) and no
    keywords, ASCII throughout, skips the converters: its ASCII str already is the wire text of
    its fs-encoding. Every step of interpreted code costs about a microsecond, and the full parse
    took ~120 µs of a ~70 µs CPython posix_spawn. Anything else, including every call that
    raises, takes `parsed`, CPython's parse in its order."""

    @functools.wraps(parsed)
    def entry(*args, **kwargs):
        if not kwargs and len(args) == 3:
            path, argv, env = args
            if type(path) is str and (type(argv) is list or type(argv) is tuple) and path.isascii() and "\0" not in path:
                try:
                    joined = "\0".join(argv)
                except TypeError:  # an item that is not a str
                    joined = ""
                if joined and joined[0] != "\0" and joined.isascii() and joined.count("\0") == len(argv) - 1:
                    if type(env) is dict and not env:
                        wire_env = ""
                    elif env is os.environ:
                        wire_env = _codec.items(environment_block(env))
                    else:
                        return parsed(*args)
                    sys.audit("os.posix_spawn", path, argv, env)
                    return _builtin(search_path, path, path, joined + "\0", wire_env, "", None, False, False,
                                    None, None, None, None)
        return parsed(*args, **kwargs)

    return entry


posix_spawn = _with_plain_call_path(False, posix_spawn)
posix_spawnp = _with_plain_call_path(True, posix_spawnp)
_builtin = _native.builtins.posix_spawn


def spawn_unaudited(path, argv, env, file_actions=_NO_FILE_ACTIONS, setsid=False):
    """posix_spawn without its "os.posix_spawn" event, for os.spawn* and pty.spawn: they raise the
    events of the fork and exec that CPython does instead."""
    return _spawn("posix_spawn", False, False, path, argv, env, file_actions, _NOT_GIVEN, False, setsid,
                  _NOT_GIVEN, _NOT_GIVEN, _NOT_GIVEN)


def _spawn(name, search_path, audited, path, argv, env, file_actions, setpgroup, resetids, setsid,
           setsigmask, setsigdef, scheduler):
    path, encoded_path = path_converter(path, name)
    resetids = bool(resetids)
    setsid = bool(setsid)
    if not isinstance(argv, (list, tuple)):
        raise TypeError(f"{name}: argv must be a tuple or list")
    if not argv:
        raise ValueError(f"{name}: argv must not be empty")
    if not hasattr(type(env), "__getitem__"):
        raise TypeError(f"{name}: environment must be a mapping object")
    argv_list = [fs_converter(arg) for arg in argv]
    if not argv_list[0]:
        raise ValueError(f"{name}: argv first element cannot be empty")
    env_list = environment_block(env)
    # the defaults skip their converters: every step of this interpreted function costs microseconds
    actions = "" if file_actions is _NO_FILE_ACTIONS else _codec.items(_file_actions(file_actions))
    pgroup = None if setpgroup is _NOT_GIVEN else pid_t(setpgroup)
    sigmask = None if setsigmask is _NOT_GIVEN else _codec.int_items(sigset(setsigmask))
    sigdef = None if setsigdef is _NOT_GIVEN else _codec.int_items(sigset(setsigdef))
    policy, priority = (None, None) if scheduler is _NOT_GIVEN else _scheduler(scheduler)
    if audited:
        sys.audit("os.posix_spawn", path, argv, env)
    return _builtin(search_path, _codec.text(encoded_path), path, _codec.items(argv_list), _codec.items(env_list), actions,
                    pgroup, resetids, setsid, sigmask, sigdef, policy, priority)


_ARITY = {
    POSIX_SPAWN_OPEN: (5, "A open file_action tuple must have 5 elements"),
    POSIX_SPAWN_CLOSE: (2, "A close file_action tuple must have 2 elements"),
    POSIX_SPAWN_DUP2: (3, "A dup2 file_action tuple must have 3 elements"),
    POSIX_SPAWN_CLOSEFROM: (2, "A closefrom file_action tuple must have 2 elements"),
}


def _file_actions(file_actions):
    """parse_file_actions: any iterable of non-empty tuples → the builtin's items, each action its
    tag and fields: [b"2", b"5", b"1"] for (POSIX_SPAWN_DUP2, 5, 1).

    Each tuple is parsed with PyArg_ParseTuple's formats ("OiO&ik", "Oi", "Oii") and then checked
    as posix_spawn_file_actions_add* checks it, before the next tuple is looked at."""
    if file_actions is None:
        return []
    try:
        iterator = iter(file_actions)
    except TypeError:
        raise TypeError("file_actions must be a sequence or None") from None
    actions = []
    for action in list(iterator):
        if not isinstance(action, tuple) or not action:
            raise TypeError("Each file_actions element must be a non-empty tuple")
        tag = c_long(action[0])
        if tag not in _ARITY or (tag == POSIX_SPAWN_CLOSEFROM and not _closefrom_supported()):
            raise TypeError("Unknown file_actions identifier")
        arity, message = _ARITY[tag]
        if len(action) != arity:
            raise TypeError(message)
        if tag == POSIX_SPAWN_OPEN:
            fd, path, oflag = format_int(action[1]), fs_converter(action[2]), format_int(action[3])
            mode = format_unsigned_long_mask(action[4])
            if mode is None:
                raise TypeError(message)
            _check_fds(fd)
            # mode_t is 32 bits: the C call truncates CPython's unsigned long
            actions += (b"%d" % tag, b"%d" % fd, path, b"%d" % oflag, b"%d" % (mode & 0xFFFFFFFF))
        elif tag == POSIX_SPAWN_DUP2:
            fd, new_fd = format_int(action[1]), format_int(action[2])
            _check_fds(fd, new_fd)
            actions += (b"%d" % tag, b"%d" % fd, b"%d" % new_fd)
        else:
            fd = format_int(action[1])
            _check_fds(fd)
            actions += (b"%d" % tag, b"%d" % fd)
    return actions


def _check_fds(*fds):
    """glibc's posix_spawn_file_actions_add* refuse an fd outside [0, getdtablesize()) with EBADF
    (an OSError without filename in CPython), before the next action is parsed."""
    import errno
    import resource

    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    for fd in fds:
        if not 0 <= fd < limit:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def sigset(signals):
    """_Py_Sigset_Converter: an iterable of signal numbers, range-checked like CPython."""
    import warnings

    nsig = _native_nsig()
    result = []
    for item in signals:
        signum = index(item)
        if not -2**63 <= signum < 2**63:
            signum = -1  # PyLong_AsLongAndOverflow
        if signum <= 0 or signum >= nsig:
            raise ValueError(f"signal number {signum} out of range [1; {nsig - 1}]")
        if signum in _reserved_signals():
            warnings.warn(f"invalid signal number {signum}, please use valid_signals()", RuntimeWarning, stacklevel=3)
            continue
        result.append(signum)
    return result


def _scheduler(scheduler):
    if not isinstance(scheduler, tuple):
        raise SystemError("new style getargs format but argument is not a tuple")
    if len(scheduler) != 2:
        raise TypeError("A scheduler tuple must have two elements")
    policy, param = scheduler
    from .sched import sched_param

    if not isinstance(param, sched_param):
        raise TypeError("must have a sched_param object")
    priority = c_long(param.sched_priority)
    if not -2**31 <= priority < 2**31:
        raise OverflowError("sched_priority out of range")
    return (None if policy is None else c_int(policy)), priority


_capabilities = None


def _capabilities_list():
    global _capabilities
    if _capabilities is None:
        _capabilities = _codec.ints(_native.builtins.capabilities())
    return _capabilities


def _closefrom_supported():
    return bool(_capabilities_list()[0])


def _native_nsig():
    return _capabilities_list()[1]


def _reserved_signals():
    return frozenset(_capabilities_list()[2:])


def exports():
    names = {
        "posix_spawn": posix_spawn,
        "posix_spawnp": posix_spawnp,
        "POSIX_SPAWN_OPEN": POSIX_SPAWN_OPEN,
        "POSIX_SPAWN_CLOSE": POSIX_SPAWN_CLOSE,
        "POSIX_SPAWN_DUP2": POSIX_SPAWN_DUP2,
    }
    if _closefrom_supported():
        names["POSIX_SPAWN_CLOSEFROM"] = POSIX_SPAWN_CLOSEFROM
    return names
