"""_ssl.RAND_add (declared in Java with RAND_bytes and RAND_status, org.graalpyos.functions.ssl.Random):
its arguments are checked as CPython 3.12 checks them, and the bytes are not kept: RAND_bytes reads
the kernel's generator, which seeds itself."""

from . import _declared
from ._convert import utf8


def _double(value):
    """The clinic's double converter (PyFloat_AsDouble)."""
    if isinstance(value, float):
        return float(value)
    if not (hasattr(type(value), "__float__") or hasattr(type(value), "__index__")):
        raise TypeError(f"must be real number, not {type(value).__name__}")
    return float(value)


def RAND_add(string, entropy):
    if isinstance(string, str):
        utf8(string)
    else:
        try:
            memoryview(string).release()
        except TypeError:
            raise TypeError(f"a bytes-like object is required, not '{type(string).__name__}'") from None
    _double(entropy)


_declared.wrap(globals(), "ssl_")


def patch(module):
    module.RAND_add = RAND_add
