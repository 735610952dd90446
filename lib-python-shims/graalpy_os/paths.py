"""os's functions of paths as CPython 3.12's posixmodule: chroot, mkfifo, mknod, major, minor,
makedev, pathconf, fpathconf (and pathconf_names), getxattr, setxattr, removexattr, listxattr.
Each converts its arguments in clinic's order (path_t: str, bytes, os.PathLike, and an fd where
CPython allows one), raises the audit events CPython raises (the extended attributes'), then
calls a builtin (org.graalpyos.functions.posix.Paths) that names the path object in its OSError."""

import os
import sys

from . import _codec, _convert, _declared, _native

# glibc <bits/confname.h>: the names CPython's posixmodule exports on Linux.
pathconf_names = {
    "PC_ALLOC_SIZE_MIN": 18,
    "PC_ASYNC_IO": 10,
    "PC_CHOWN_RESTRICTED": 6,
    "PC_FILESIZEBITS": 13,
    "PC_LINK_MAX": 0,
    "PC_MAX_CANON": 1,
    "PC_MAX_INPUT": 2,
    "PC_NAME_MAX": 3,
    "PC_NO_TRUNC": 7,
    "PC_PATH_MAX": 4,
    "PC_PIPE_BUF": 5,
    "PC_PRIO_IO": 11,
    "PC_REC_INCR_XFER_SIZE": 14,
    "PC_REC_MAX_XFER_SIZE": 15,
    "PC_REC_MIN_XFER_SIZE": 16,
    "PC_REC_XFER_ALIGN": 17,
    "PC_SOCK_MAXBUF": 12,
    "PC_SYMLINK_MAX": 19,
    "PC_SYNC_IO": 9,
    "PC_VDISABLE": 8,
}


def _text(encoded):
    return None if encoded is None else _codec.text(encoded)


def chroot(path):
    path, encoded, _ = _convert.path_t(path, "chroot")
    _native.builtins.path_chroot(_codec.text(encoded), path)


def mkfifo(path, mode, dir_fd):
    _, encoded, _ = _convert.path_t(path, "mkfifo")
    mode = _convert.c_int(mode)
    _native.builtins.path_mkfifo(_codec.text(encoded), mode, _convert.dir_fd(dir_fd))


def mknod(path, mode, device, dir_fd):
    _, encoded, _ = _convert.path_t(path, "mknod")
    mode = _convert.c_int(mode)
    device = _convert.dev_t(device)
    _native.builtins.path_mknod(_codec.text(encoded), mode, device, _convert.dir_fd(dir_fd))


# glibc's gnu_dev_major, gnu_dev_minor and gnu_dev_makedev (<bits/sysmacros.h>)
def major(device):
    device = _convert.dev_t(device) & (2**64 - 1)
    return ((device >> 8) & 0xFFF) | ((device >> 32) & 0xFFFFF000)


def minor(device):
    device = _convert.dev_t(device) & (2**64 - 1)
    return (device & 0xFF) | ((device >> 12) & 0xFFFFFF00)


def makedev(major, minor):
    major &= 0xFFFFFFFF
    minor &= 0xFFFFFFFF
    device = ((major & 0xFFF) << 8) | ((major & 0xFFFFF000) << 32) | (minor & 0xFF) | ((minor & 0xFFFFFF00) << 12)
    return device - 2**64 if device >= 2**63 else device  # dev_t as CPython returns it, a signed long long


def fpathconf(fd, name):
    return _native.builtins.path_pathconf(None, fd, _convert.confname(name, pathconf_names), None)


def pathconf(path, name):
    path, encoded, fd = _convert.path_t(path, "pathconf", allow_fd=True)
    return _native.builtins.path_pathconf(_text(encoded), fd, _convert.confname(name, pathconf_names), path)


def _check_fd_follow(function, fd, follow_symlinks):
    """fd_and_follow_symlinks_invalid (whose test is fd > 0)."""
    if fd > 0 and not follow_symlinks:
        raise ValueError(f"{function}: cannot use fd and follow_symlinks together")


def getxattr(path, attribute, follow_symlinks):
    path, encoded, fd = _convert.path_t(path, "getxattr", allow_fd=True)
    attribute, attribute_encoded, _ = _convert.path_t(attribute, "getxattr", "attribute")
    _check_fd_follow("getxattr", fd, follow_symlinks)
    sys.audit("os.getxattr", path, attribute)
    return _codec.data(_native.builtins.xattr_get(_text(encoded), fd, _codec.text(attribute_encoded), follow_symlinks, path))


def setxattr(path, attribute, value, flags, follow_symlinks):
    path, encoded, fd = _convert.path_t(path, "setxattr", allow_fd=True)
    attribute, attribute_encoded, _ = _convert.path_t(attribute, "setxattr", "attribute")
    try:
        value = memoryview(value).tobytes()
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'") from None
    flags = _convert.c_int(flags)
    _check_fd_follow("setxattr", fd, follow_symlinks)
    sys.audit("os.setxattr", path, attribute, value, flags)
    _native.builtins.xattr_set(_text(encoded), fd, _codec.text(attribute_encoded), _codec.text(value), flags, follow_symlinks, path)


def removexattr(path, attribute, follow_symlinks):
    path, encoded, fd = _convert.path_t(path, "removexattr", allow_fd=True)
    attribute, attribute_encoded, _ = _convert.path_t(attribute, "removexattr", "attribute")
    _check_fd_follow("removexattr", fd, follow_symlinks)
    sys.audit("os.removexattr", path, attribute)
    _native.builtins.xattr_remove(_text(encoded), fd, _codec.text(attribute_encoded), follow_symlinks, path)


def listxattr(path, follow_symlinks):
    path, encoded, fd = _convert.path_t(path, "listxattr", allow_fd=True, nullable=True)
    _check_fd_follow("listxattr", fd, follow_symlinks)
    sys.audit("os.listxattr", path)
    if encoded is None and fd == -1:
        encoded = b"."
    names = _codec.data(_native.builtins.xattr_list(_text(encoded), fd, follow_symlinks, path))
    return [os.fsdecode(name) for name in names.split(b"\0")[:-1]]


_declared.wrap(globals(), "paths")


def exports():
    return {"chroot": chroot, "mkfifo": mkfifo, "mknod": mknod, "major": major, "minor": minor, "makedev": makedev,
            "fpathconf": fpathconf, "pathconf": pathconf, "pathconf_names": pathconf_names, "getxattr": getxattr,
            "setxattr": setxattr, "removexattr": removexattr, "listxattr": listxattr}
