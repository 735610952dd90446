"""os.setgroups, which GraalPy 25.0.1 lacks, with CPython 3.12's converters and messages; its
declaration and those of the other credential functions are in Java
(org.graalpyos.functions.posix.Credentials). subprocess's extra_groups= needs it to exist (it
raises ValueError "... not supported on the current platform" otherwise)."""

from . import _codec, _declared, _native
from ._convert import gid_t

MAX_GROUPS = 65536  # NGROUPS_MAX


def setgroups(groups):
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
        gids.append(gid_t(item))
    _native.builtins.setgroups(_codec.int_items(gids))


_declared.wrap(globals(), "credentials")


def exports():
    return {"setgroups": setgroups}
