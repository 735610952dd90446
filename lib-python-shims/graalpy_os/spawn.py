"""os.posix_spawn and os.posix_spawnp: CPython 3.12's py_posix_spawn, argument by argument.

Parsing happens here, once, in CPython's order and with its messages; the Java builtin gets
fs-encoded bytes and plain ints and does the native work.
"""

import sys

from . import _native, _wire
from ._convert import c_int, fs_converter, fs_path, index

POSIX_SPAWN_OPEN = 0
POSIX_SPAWN_CLOSE = 1
POSIX_SPAWN_DUP2 = 2
POSIX_SPAWN_CLOSEFROM = 3

_NOT_GIVEN = object()


def posix_spawn(path, argv, env, /, *, file_actions=(), setpgroup=_NOT_GIVEN, resetids=False, setsid=False,
                setsigmask=_NOT_GIVEN, setsigdef=_NOT_GIVEN, scheduler=_NOT_GIVEN):
    """Execute the program specified by path in a new process."""
    return _spawn("posix_spawn", False, True, path, argv, env, file_actions, setpgroup, resetids, setsid,
                  setsigmask, setsigdef, scheduler)


def posix_spawnp(path, argv, env, /, *, file_actions=(), setpgroup=_NOT_GIVEN, resetids=False, setsid=False,
                 setsigmask=_NOT_GIVEN, setsigdef=_NOT_GIVEN, scheduler=_NOT_GIVEN):
    """Execute the program specified by path in a new process, searching PATH."""
    return _spawn("posix_spawnp", True, True, path, argv, env, file_actions, setpgroup, resetids, setsid,
                  setsigmask, setsigdef, scheduler)


def spawn_unaudited(path, argv, env, file_actions=(), setsid=False):
    """posix_spawn without its "os.posix_spawn" event, for os.spawn* and pty.spawn: they raise the
    events of the fork and exec that CPython does instead."""
    return _spawn("posix_spawn", False, False, path, argv, env, file_actions, _NOT_GIVEN, False, setsid,
                  _NOT_GIVEN, _NOT_GIVEN, _NOT_GIVEN)


def _spawn(name, search_path, audited, path, argv, env, file_actions, setpgroup, resetids, setsid,
           setsigmask, setsigdef, scheduler):
    encoded_path = fs_path(path, name)
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
    actions = _file_actions(file_actions)
    pgroup = None if setpgroup is _NOT_GIVEN else c_int(setpgroup)
    sigmask = None if setsigmask is _NOT_GIVEN else sigset(setsigmask)
    sigdef = None if setsigdef is _NOT_GIVEN else sigset(setsigdef)
    policy, priority = (None, None) if scheduler is _NOT_GIVEN else _scheduler(scheduler)
    if audited:
        sys.audit("os.posix_spawn", path, argv, env)
    return _native.builtins.posix_spawn(search_path, _wire.text(encoded_path), path, _wire.items(argv_list),
                                        _wire.items(env_list), _wire.items(actions), _wire.optional(pgroup),
                                        resetids, setsid, _signals(sigmask), _signals(sigdef),
                                        _wire.optional(policy), _wire.optional(priority))


def _signals(signals):
    return "-" if signals is None else " ".join(map(str, signals))


def environment_block(env):
    """parse_envlist: a mapping → [b"KEY=VALUE", ...] with CPython's checks."""
    keys = list(env.keys())
    values = list(env.values())
    block = []
    for key, value in zip(keys, values):
        key = fs_converter(key)
        value = fs_converter(value)
        if not key or b"=" in key[1:]:
            raise ValueError("illegal environment variable name")
        block.append(key + b"=" + value)
    return block


_ARITY = {
    POSIX_SPAWN_OPEN: (5, "A open file_action tuple must have 5 elements"),
    POSIX_SPAWN_CLOSE: (2, "A close file_action tuple must have 2 elements"),
    POSIX_SPAWN_DUP2: (3, "A dup2 file_action tuple must have 3 elements"),
    POSIX_SPAWN_CLOSEFROM: (2, "A closefrom file_action tuple must have 2 elements"),
}


def _file_actions(file_actions):
    """parse_file_actions: any iterable of non-empty tuples → the builtin's items, e.g. b"2 5 1"."""
    if file_actions is None:
        return []
    try:
        items = list(file_actions)
    except TypeError:
        raise TypeError("file_actions must be a sequence or None") from None
    actions = []
    for action in items:
        if not isinstance(action, tuple) or not action:
            raise TypeError("Each file_actions element must be a non-empty tuple")
        tag = index(action[0])
        if tag not in _ARITY or (tag == POSIX_SPAWN_CLOSEFROM and not _closefrom_supported()):
            raise TypeError("Unknown file_actions identifier")
        arity, message = _ARITY[tag]
        if len(action) != arity:
            raise TypeError(message)
        if tag == POSIX_SPAWN_OPEN:
            _, fd, path, oflag, mode = action
            fd, path, oflag, mode = c_int(fd), fs_converter(path), c_int(oflag), index(mode)
            actions.append(b"%d %d %d %d " % (tag, fd, oflag, mode) + path)
        elif tag == POSIX_SPAWN_DUP2:
            actions.append(b"%d %d %d" % (tag, c_int(action[1]), c_int(action[2])))
        else:
            actions.append(b"%d %d" % (tag, c_int(action[1])))
    return actions


def sigset(signals):
    """_Py_Sigset_Converter: an iterable of signal numbers, range-checked like CPython."""
    import warnings

    nsig = _native_nsig()
    result = []
    for item in signals:
        signum = index(item)
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
    priority = c_int(param.sched_priority)
    return (None if policy is None else c_int(policy)), priority


_capabilities = None


def _capabilities_list():
    global _capabilities
    if _capabilities is None:
        _capabilities = _wire.ints(_native.builtins.capabilities())
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
