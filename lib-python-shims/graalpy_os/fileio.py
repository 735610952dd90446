"""os's file I/O with buffers and optional offsets as CPython 3.12's posixmodule: pwrite, readv,
preadv, writev, pwritev (each buffer read through a memoryview, as PyObject_GetBuffer; readv and
preadv fill the caller's writable buffers in place, in order), sendfile, splice, copy_file_range,
eventfd_read, eventfd_write, ttyname, device_encoding. Declared in Java
(org.graalpyos.functions.posix.Io), whose wrappers convert the arguments clinic converts; the
builtins retry EINTR."""

import errno
import os
import sys

from . import _codec, _convert, _declared, _native


def _view(item, writable):
    """PyObject_GetBuffer (PyBUF_WRITABLE where writable) as a flat view of bytes."""
    try:
        view = memoryview(item)
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(item).__name__}'") from None
    if writable and view.readonly:
        raise BufferError("Object is not writable.")
    if not view.c_contiguous:
        raise BufferError("memoryview: underlying buffer is not C-contiguous")
    return view.cast("B") if view.ndim != 1 or view.format != "B" else view


# Linux's UIO_MAXIOV (IOV_MAX of <limits.h>): the kernel refuses more iovecs with EINVAL
_IOV_MAX = 1024


def _views(buffers, function, writable):
    """iov_setup: each item of a sequence (PySequence_Check: not a dict) as a view; more than the
    kernel takes are its EINVAL, before their bytes are copied."""
    if isinstance(buffers, dict) or not hasattr(type(buffers), "__getitem__"):
        raise TypeError(f"{function}() arg 2 must be a sequence")
    views = [_view(buffers[i], writable) for i in range(len(buffers))]
    if len(views) > _IOV_MAX:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    return views


def _read_into(fd, buffers, function, positioned, offset, flags):
    views = _views(buffers, function, True)
    data = _codec.data(_native.builtins.io_readv(fd, _codec.int_items([view.nbytes for view in views]), positioned, offset, flags))
    at = 0
    for view in views:
        if at == len(data):
            break
        count = min(view.nbytes, len(data) - at)
        view[:count] = data[at:at + count]
        at += count
    return len(data)


def _write_from(fd, buffers, function, positioned, offset, flags):
    views = _views(buffers, function, False)
    data = b"".join([view.tobytes() for view in views])
    return _native.builtins.io_writev(fd, _codec.text(data), _codec.int_items([view.nbytes for view in views]), positioned, offset, flags)


def pwrite(fd, buffer, offset):
    data = _view(buffer, False).tobytes()
    return _native.builtins.io_pwrite(fd, _codec.text(data), _convert.c_long(offset))


def readv(fd, buffers):
    return _read_into(fd, buffers, "readv", False, 0, 0)


def preadv(fd, buffers, offset, flags):
    return _read_into(fd, buffers, "preadv2", True, offset, flags)


def writev(fd, buffers):
    return _write_from(fd, buffers, "writev", False, 0, 0)


def pwritev(fd, buffers, offset, flags):
    return _write_from(fd, buffers, "pwritev", True, offset, flags)


def _offset(offset):
    """None (the fd's own position) or a Py_off_t."""
    return None if offset is None else _convert.c_long(offset)


def sendfile(out_fd, in_fd, offset, count):
    return _native.builtins.io_sendfile(out_fd, in_fd, _offset(offset), count)


def _transfer(copy, src, dst, count, offset_src, offset_dst, flags):
    if count < 0:
        raise ValueError("negative value for 'count' not allowed")
    return _native.builtins.io_splice(copy, src, dst, count, _offset(offset_src), _offset(offset_dst), flags)


def splice(src, dst, count, offset_src, offset_dst, flags):
    return _transfer(False, src, dst, count, offset_src, offset_dst, flags)


def copy_file_range(src, dst, count, offset_src, offset_dst):
    return _transfer(True, src, dst, count, offset_src, offset_dst, 0)


def eventfd_read(fd):
    return _native.builtins.io_eventfd_read(fd) & (2**64 - 1)


def eventfd_write(fd, value):
    value = _convert.unsigned_long_long(value)
    _native.builtins.io_eventfd_write(fd, value - 2**64 if value >= 2**63 else value)


def ttyname(fd):
    return os.fsdecode(_codec.data(_native.builtins.io_ttyname(fd)))


def device_encoding(fd):
    """_Py_device_encoding: None unless a terminal, else the locale's encoding (UTF-8 mode's utf-8)."""
    codeset = _native.builtins.io_tty_codeset(fd)
    if codeset is None:
        return None
    if sys.flags.utf8_mode:
        return "utf-8"
    return str(codeset) or "UTF-8"


_declared.wrap(globals(), "fileio")


def exports():
    return {"pwrite": pwrite, "readv": readv, "preadv": preadv, "writev": writev, "pwritev": pwritev,
            "sendfile": sendfile, "copy_file_range": copy_file_range, "splice": splice,
            "eventfd_read": eventfd_read, "eventfd_write": eventfd_write, "ttyname": ttyname,
            "device_encoding": device_encoding}
