"""os.getlogin, which GraalPy 25.0.1 lacks: getlogin(3) in Java, the name decoded as CPython's
PyUnicode_DecodeFSDefault. Declared in Java (org.graalpyos.functions.posix.Users), beside
os.getgrouplist and os.initgroups, whose bodies are Java."""

import os

from . import _declared, _native


def getlogin():
    name = _native.builtins.login_name()
    if name is None:
        raise OSError("unable to determine login name")
    return os.fsdecode(name.encode("latin-1"))


_declared.wrap(globals(), "users")


def exports():
    return {"getlogin": getlogin}
