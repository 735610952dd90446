"""os.lockf as CPython 3.12's os_lockf_impl: the audit event "os.lockf" (fd, command, length), then
lockf(3) (EINTR retried). Declared in Java (org.graalpyos.functions.posix.FileDescriptors), whose
wrapper converts the arguments as CPython's clinic does."""

import sys

from . import _declared, _native


def lockf(fd, command, length):
    sys.audit("os.lockf", fd, command, length)
    _native.builtins.lockf(fd, command, length)


_declared.wrap(globals(), "fileops")


def exports():
    return {"lockf": lockf}
