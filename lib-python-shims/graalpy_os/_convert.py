"""Argument converters shared by the shims, each the Python twin of one CPython C converter."""

import math
import operator
import os
import sys

_FS_ENCODING = sys.getfilesystemencoding()
_FS_ERRORS = sys.getfilesystemencodeerrors()
_INT_MIN, _INT_MAX = -2**31, 2**31 - 1


class _Null:
    """Clinic's NULL default: an argument not given, which None is not."""

    def __repr__(self):
        return "<unrepresentable>"


NULL = _Null()


def fildes(value):
    """PyObject_AsFileDescriptor: an int or the result of the object's fileno() (looked up on the
    object, so a wrapper's __getattr__ counts), not negative."""
    if isinstance(value, int):
        fd = c_int(value)
    else:
        fileno = getattr(value, "fileno", None)
        if fileno is None:
            raise TypeError("argument must be an int, or have a fileno() method.")
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
        fd = c_int(fd)
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


def path_converter(value, function, argument="path"):
    """path_t without fd or None: str, bytes or os.PathLike → (path object, bytes), as CPython
    3.12's path_converter, which no longer takes bytearray or memoryview (gh-98393). The path
    object, what errors name as filename and audit hooks see, is __fspath__'s result."""
    if not isinstance(value, (str, bytes)):
        fspath = getattr(type(value), "__fspath__", None)
        if fspath is None:
            raise TypeError(f"{function}: {argument} should be string, bytes or os.PathLike, "
                            f"not {type(value).__name__}")
        path = fspath(value)
        if not isinstance(path, (str, bytes)):
            raise TypeError(f"expected {type(value).__name__}.__fspath__() to return str or bytes, "
                            f"not {type(path).__name__}")
        value = path
    if isinstance(value, str):
        return value, fs_converter(value)
    if b"\0" in value:
        raise ValueError(f"{function}: embedded null character in {argument}")
    return value, bytes(value)


def fs_converter(value):
    """PyUnicode_FSConverter: str, bytes or os.PathLike → bytes without NUL."""
    # os.fsencode's own steps, skipped for a plain str (most arguments): each is interpreted
    encoded = value.encode(_FS_ENCODING, _FS_ERRORS) if type(value) is str else os.fsencode(value)
    if b"\0" in encoded:
        raise ValueError("embedded null byte")
    return encoded


def c_int(value):
    """_PyLong_AsInt: an index that fits a C int, with CPython's messages."""
    if type(value) is int and _INT_MIN <= value <= _INT_MAX:
        return value  # most calls: each interpreted step costs about a microsecond
    number = index(value)
    if not -2**31 <= number < 2**31:
        raise OverflowError("Python int too large to convert to C int")
    return number


def c_long(value):
    """PyLong_AsLong."""
    number = index(value)
    if not -2**63 <= number < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    return number


def c_ssize_t(value):
    """PyNumber_AsSsize_t with OverflowError (the clinic's Py_ssize_t)."""
    number = index(value)
    if not -2**63 <= number < 2**63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return number


def pid_t(value):
    """PyLong_AsPid of CPython 3.12 (PyLong_AsLong): the C assignment to the 32-bit pid_t then
    keeps the low 32 bits."""
    return (c_long(value) + 2**31) % 2**32 - 2**31


def _id_t(value, kind):
    """_Py_Uid_Converter / _Py_Gid_Converter (kind "uid" or "gid") → the id's 32 bits; -1 stays
    "unchanged" (2**32 - 1). The messages are CPython's, including "less than minimum" for a
    positive value that fits a C long but not 32 bits."""
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{kind} should be integer, not {type(value).__name__}") from None
    if -2**63 <= number < 2**63:
        if number == -1:
            return 2**32 - 1
        if number < 0 or number >= 2**32:
            raise OverflowError(f"{kind} is less than minimum")
        return number
    if number < 0:
        raise OverflowError(f"{kind} is less than minimum")
    raise OverflowError(f"{kind} is greater than maximum")


def uid_t(value):
    return _id_t(value, "uid")


def gid_t(value):
    return _id_t(value, "gid")


def text(value, function, argument):
    """The clinic's str converter: a str without NUL, or "f() argument 'name' must be str, not int"."""
    if not isinstance(value, str):
        raise TypeError(f"{function}() {argument} must be str, not {_type_name(value)}")
    if "\0" in value:
        utf8(value)  # a lone surrogate is reported first, as PyUnicode_AsUTF8AndSize does
        raise ValueError("embedded null character")
    return str(value)


def utf8(value):
    """PyUnicode_AsUTF8: the str's UTF-8 bytes, or CPython's UnicodeEncodeError for the first run
    of surrogates (GraalPy's encoder words it otherwise)."""
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError:
        pass
    start = next(i for i, c in enumerate(value) if "\ud800" <= c <= "\udfff")
    end = start + 1
    while end < len(value) and "\ud800" <= value[end] <= "\udfff":
        end += 1
    raise UnicodeEncodeError("utf-8", value, start, end, "surrogates not allowed")


def unicode(value, function, argument):
    """The clinic's unicode converter: any str."""
    if not isinstance(value, str):
        raise TypeError(f"{function}() {argument} must be str, not {_type_name(value)}")
    return str(value)


def _type_name(value):
    """_PyArg_BadArgument's name of the argument's type: "None" for None."""
    return "None" if value is None else type(value).__name__


def format_int(value):
    """The "i" format of PyArg_ParseTuple (legacy converters such as pid_t): a C long, then range-checked."""
    if type(value) is int and _INT_MIN <= value <= _INT_MAX:
        return value
    number = c_long(value)
    if number >= 2**31:
        raise OverflowError("signed integer is greater than maximum")
    if number < -2**31:
        raise OverflowError("signed integer is less than minimum")
    return number


def format_unsigned_long_mask(value):
    """The "k" format: an int (no __index__) masked to 64 bits, None for anything else (the
    format's caller then reports its own message)."""
    if not isinstance(value, int):
        return None
    return int(value) & (2**64 - 1)


def index(value):
    """PyNumber_Index."""
    return operator.index(value)


def unsigned_int(value):
    """_PyLong_UnsignedInt_Converter: an int (no __index__) from 0 to 2**32 - 1."""
    if isinstance(value, int) and value < 0:
        raise ValueError("value must be positive")
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value >= 2**32:
        raise OverflowError("Python int too large for C unsigned int")
    return int(value)


def unsigned_int_bitwise(value):
    """Clinic's unsigned_int(bitwise=True): PyLong_AsUnsignedLongMask, an index masked to 32 bits."""
    return index(value) & 0xFFFFFFFF


def unsigned_long_long(value):
    """_PyLong_UnsignedLongLong_Converter: an int (no __index__) from 0 to 2**64 - 1."""
    if isinstance(value, int) and value < 0:
        raise ValueError("value must be positive")
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value >= 2**64:
        raise OverflowError("int too big to convert")
    return int(value)


def dev_t(value):
    """_Py_Dev_Converter (PyLong_AsUnsignedLongLong): an int from 0 to 2**64 - 1, as the signed
    64 bits that cross the edge."""
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if value >= 2**64:
        raise OverflowError("int too big to convert")
    return value - 2**64 if value >= 2**63 else int(value)


def fd_t(value):
    """_fd_converter: an index that fits a C int, with its own messages."""
    number = index(value)
    if number > _INT_MAX:
        raise OverflowError("fd is greater than maximum")
    if number < _INT_MIN:
        raise OverflowError("fd is less than minimum")
    return number


def dir_fd(value):
    """dir_fd_converter: None (AT_FDCWD) or a file descriptor."""
    if value is None:
        return _AT_FDCWD
    if not hasattr(type(value), "__index__"):
        raise TypeError(f"argument should be integer or None, not {type(value).__name__}")
    return fd_t(value)


_AT_FDCWD = -100


def path_t(value, function, argument="path", allow_fd=False, nullable=False):
    """path_converter of CPython 3.12 with allow_fd and nullable: (path object, bytes or None,
    fd or -1). An index is an fd where allowed (a bool with a RuntimeWarning); None, where
    allowed, is (None, None, -1)."""
    if nullable and value is None:
        return None, None, -1
    if allow_fd and hasattr(type(value), "__index__") and not isinstance(value, (str, bytes)):
        if isinstance(value, bool):
            import warnings

            warnings.warn("bool is used as a file descriptor", RuntimeWarning, stacklevel=3)
        return value, None, fd_t(value)
    if not isinstance(value, (str, bytes)) and getattr(type(value), "__fspath__", None) is None:
        kinds = "string, bytes, os.PathLike" + (", integer" if allow_fd else "") + (" or None" if nullable else "")
        if not nullable:
            kinds = kinds.replace(", os.PathLike", " or os.PathLike") if not allow_fd else kinds.replace(", integer", " or integer")
        raise TypeError(f"{function}: {argument} should be {kinds}, not {type(value).__name__}")
    path, encoded = path_converter(value, function, argument)
    return path, encoded, -1


def confname(name, table):
    """conv_confname: an int (as a C int), or a name of the table."""
    if isinstance(name, int):
        return c_int(name)
    if not isinstance(name, str):
        raise TypeError("configuration names must be strings or integers")
    try:
        return table[name]
    except KeyError:
        raise ValueError("unrecognized configuration name") from None
_PYTIME_MIN, _PYTIME_MAX = -2**63, 2**63 - 1


def pytime_from_seconds(value, ceiling):
    """_PyTime_FromSecondsObject: seconds (an int or a float) as nanoseconds, a float rounded up
    (ceiling) or down, with its messages."""
    if isinstance(value, float):
        import math  # here: _convert is imported at start-up, math only by the few callers
        if math.isnan(value):
            raise ValueError("Invalid value NaN (not a number)")
        scaled = value * 1e9
        if math.isfinite(scaled):
            nanoseconds = math.ceil(scaled) if ceiling else math.floor(scaled)
            if _PYTIME_MIN <= nanoseconds <= _PYTIME_MAX:
                return nanoseconds
        raise OverflowError("timestamp out of range for platform time_t")
    nanoseconds = index(value) * 10**9
    if not _PYTIME_MIN <= nanoseconds <= _PYTIME_MAX:
        raise OverflowError("timestamp too large to convert to C _PyTime_t")
    return nanoseconds
_TIME_MIN, _TIME_MAX = -2**63, 2**63 - 1


def timeout_ns(value, unit):
    """_PyTime_FromSecondsObject (unit 10**9) / _PyTime_FromMillisecondsObject (10**6) with
    _PyTime_ROUND_TIMEOUT (away from zero): nanoseconds from a float or an integer (__index__)."""
    if isinstance(value, float):
        if math.isnan(value):
            raise ValueError("Invalid value NaN (not a number)")
        d = value * unit
        if not _TIME_MIN <= d < -_TIME_MIN:
            raise OverflowError("timestamp out of range for platform time_t")
        return math.ceil(d) if d >= 0 else math.floor(d)
    number = operator.index(value)
    if not _TIME_MIN <= number * unit <= _TIME_MAX:
        raise OverflowError("timestamp too large to convert to C _PyTime_t")
    return number * unit
