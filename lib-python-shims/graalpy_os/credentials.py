"""os.setreuid, os.setregid and os.setgroups, which GraalPy 25.0.1 lacks, with CPython 3.12's
converters and messages. subprocess's user=, group= and extra_groups= need them to exist (it
raises ValueError "... not supported on the current platform" otherwise)."""

from . import _codec, _native

_LONG_MIN = -2**63
_LONG_MAX = 2**63 - 1
_ID_UNCHANGED = 2**32 - 1  # (uid_t) -1: uid_t and gid_t are unsigned 32-bit on Linux
MAX_GROUPS = 65536  # NGROUPS_MAX


def id_converter(value, kind):
    """_Py_Uid_Converter / _Py_Gid_Converter (kind "uid" or "gid") → the id's 32 bits; -1 stays
    "unchanged" (2**32 - 1). The messages are CPython's, including "less than minimum" for a
    positive value that fits a C long but not 32 bits."""
    try:
        number = value.__index__() if not isinstance(value, int) else int(value)
    except Exception:
        raise TypeError(f"{kind} should be integer, not {type(value).__name__}") from None
    if _LONG_MIN <= number <= _LONG_MAX:
        if number == -1:
            return _ID_UNCHANGED
        if number < 0 or number > _ID_UNCHANGED:
            raise OverflowError(f"{kind} is less than minimum")
        return number
    if number < 0:
        raise OverflowError(f"{kind} is less than minimum")
    raise OverflowError(f"{kind} is greater than maximum")


def setreuid(ruid, euid, /):
    """Set the current process's real and effective user ids."""
    _native.builtins.setreuid(id_converter(ruid, "uid"), id_converter(euid, "uid"))


def setregid(rgid, egid, /):
    """Set the current process's real and effective group ids."""
    _native.builtins.setregid(id_converter(rgid, "gid"), id_converter(egid, "gid"))


def setgroups(groups, /):
    """Set the groups of the current process to list."""
    if not hasattr(type(groups), "__getitem__") or isinstance(groups, dict):
        raise TypeError("setgroups argument must be a sequence")
    count = len(groups)
    if count > MAX_GROUPS:
        raise ValueError("too many groups")
    gids = []
    for i in range(count):
        item = groups[i]
        if not isinstance(item, int):
            raise TypeError("groups must be integers")
        gids.append(id_converter(item, "gid"))
    _native.builtins.setgroups(_codec.int_items(gids))


def exports():
    return {"setreuid": setreuid, "setregid": setregid, "setgroups": setgroups}
