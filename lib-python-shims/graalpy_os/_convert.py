"""Argument converters shared by the shims, each the Python twin of one CPython C converter."""

import os


def fs_path(value, function, argument="path"):
    """path_t without fd or None: str, bytes or os.PathLike → bytes, as CPython's path_converter."""
    if isinstance(value, (str, bytes)):
        path = value
    else:
        try:
            path = os.fspath(value)
        except TypeError:
            raise TypeError(f"{function}: {argument} should be string, bytes or os.PathLike, "
                            f"not {type(value).__name__}") from None
    encoded = os.fsencode(path)
    if b"\0" in encoded:
        raise ValueError("embedded null byte")
    return encoded


def fs_converter(value):
    """PyUnicode_FSConverter: str, bytes or os.PathLike → bytes without NUL."""
    encoded = os.fsencode(value)
    if b"\0" in encoded:
        raise ValueError("embedded null byte")
    return encoded


def c_int(value):
    """_PyLong_AsInt: an index that fits a C int, with CPython's messages."""
    number = index(value)
    if not -2**31 <= number < 2**31:
        raise OverflowError("Python int too large to convert to C int")
    return number


def index(value):
    """PyNumber_Index with CPython's message."""
    if isinstance(value, int):
        return int(value)
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None
