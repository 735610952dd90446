"""fcntl.fcntl as CPython 3.12's fcntl_fcntl_impl: the audit event "fcntl.fcntl" (fd, cmd, arg or
None), then the third argument as its PyArg_Parse calls read it: "s#" (a str, as UTF-8, or a
read-only bytes-like object: bytes) is copied into a 1024-byte buffer that fcntl(2) may change and
that many bytes are returned; else "I" (an int or __index__, masked to a C unsigned int) is passed
and fcntl's result returned. The wrapper generated from the declaration in Java
(org.graalpyos.functions.fcntl.Fcntl) converts fd and cmd first; the builtins retry EINTR.
"""

import operator
import sys

from . import _codec, _convert, _declared, _native

_BUFFER_SIZE = 1024


def _read_only_buffer(arg):
    """The bytes "s#" reads from arg, or None where it fails (a lone surrogate, a writable buffer)."""
    if isinstance(arg, str):
        try:
            return arg.encode("utf-8")
        except UnicodeEncodeError:
            return None
    if isinstance(arg, bytes):
        return bytes(arg)
    return None


def fcntl(fd, cmd, arg):
    sys.audit("fcntl.fcntl", fd, cmd, None if arg is _convert.NULL else arg)
    if arg is _convert.NULL:
        return _native.builtins.fcntl_int(fd, cmd, 0)
    buffer = _read_only_buffer(arg)
    if buffer is not None:
        if len(buffer) > _BUFFER_SIZE:
            raise ValueError("fcntl string arg too long")
        return _codec.data(_native.builtins.fcntl_buffer(fd, cmd, _codec.text(buffer)))
    value = operator.index(arg) & 0xFFFFFFFF  # "I": PyLong_AsUnsignedLongMask, then (int)
    return _native.builtins.fcntl_int(fd, cmd, value - 2**32 if value >= 2**31 else value)


_declared.wrap(globals(), "fcntl_")


def patch(module):
    module.fcntl = fcntl
