"""CPython 3.12's grp module (Modules/grpmodule.c), which GraalPy 25.0.1 lacks: getgrgid, getgrnam,
getgrall and grp.struct_group, over getgrgid_r/getgrnam_r (the buffer doubled on ERANGE) and
setgrent/getgrent/endgrent (one enumeration at a time) in Java. The functions are declared in Java
(org.graalpyos.functions.grp.Groups), whose wrappers parse the arguments as CPython's clinic does.
"""

import os

from . import _codec, _declared, _native
from ._convert import gid_t
from ._structseq import structseq

_DOC = """Access to the Unix group database.

Group entries are reported as 4-tuples containing the following fields
from the group database, in order:

  gr_name   - name of the group
  gr_passwd - group password (encrypted); often empty
  gr_gid    - numeric ID of the group
  gr_mem    - list of members

The gid is an integer, name and password are strings.  (Note that most
users are not explicitly listed as members of the groups they are in
according to the password database.  Check both databases to get
complete membership information.)"""

struct_group = structseq("struct_group", "grp", ("gr_name", "gr_passwd", "gr_gid", "gr_mem"),
                         "grp.struct_group: Results from getgr*() routines.\n\n"
                         "This object may be accessed either as a tuple of\n"
                         "  (gr_name,gr_passwd,gr_gid,gr_mem)\n"
                         "or via the object attributes as named in the above tuple.\n")


def patch(module):
    module.__doc__ = _DOC
    module.struct_group = struct_group
    for function in (getgrgid, getgrnam, getgrall):
        setattr(module, function.__name__, function)


def _from_gid(gid):
    """_PyLong_FromGid: (gid_t) -1 is -1."""
    return -1 if gid == 2**32 - 1 else gid


def _entries(result):
    """The builtin's items (org.graalpyos.builtins.GroupDatabaseBuiltins) → struct_group entries,
    each string decoded as PyUnicode_DecodeFSDefault."""
    items = _codec.byte_items(result)
    entries = []
    i = 0
    while i < len(items):
        name, passwd, gid, count = items[i:i + 4]
        count = int(count)
        members = [os.fsdecode(member) for member in items[i + 4:i + 4 + count]]
        entries.append(struct_group((os.fsdecode(name), None if passwd == b"-" else os.fsdecode(passwd[1:]),
                                     _from_gid(int(gid)), members)))
        i += 4 + count
    return entries


def _lookup(result):
    if result == "!\0":
        raise MemoryError
    entries = _entries(result)
    return entries[0] if entries else None


def getgrgid(id):
    gid = gid_t(id)
    entry = _lookup(_native.builtins.group_by_gid(gid))
    if entry is None:
        raise KeyError(f"getgrgid(): gid not found: {_from_gid(gid)}")
    return entry


def getgrnam(name):
    encoded = os.fsencode(name)
    if b"\0" in encoded:
        raise ValueError("embedded null byte")
    entry = _lookup(_native.builtins.group_by_name(encoded.decode("latin-1")))
    if entry is None:
        raise KeyError(f"getgrnam(): name not found: {name!r}")
    return entry


def getgrall():
    return _entries(_native.builtins.group_all())


_declared.wrap(globals(), "grp_")
