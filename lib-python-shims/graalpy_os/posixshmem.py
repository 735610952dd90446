"""_posixshmem.shm_open and shm_unlink for multiprocessing.shared_memory: GraalPy's module has no
shm_open, and its shm_unlink left the object in place.

glibc's shm_open is open(2) of the name under /dev/shm with O_NOFOLLOW and O_CLOEXEC, after
dropping leading slashes and refusing an empty or too long name or one with another slash
(EINVAL). os.open does the same here; the OSError names the path, as CPython's does.
"""

import errno
import os

from . import _declared

_SHM_DIRECTORY = b"/dev/shm/"
# glibc 2.36 refuses a longer name with EINVAL (measured: its buffer); open(2) refuses 256-259 bytes
_LONGEST_NAME = 259
# GraalPy's os has no O_NOFOLLOW; Linux's value differs on arm64
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) or (0o100000 if os.uname().machine in ("aarch64", "arm64") else 0o400000)


def patch(module):
    module.shm_open = shm_open
    module.shm_unlink = shm_unlink


def shm_open(path, flags, mode):
    object_path = _object_path(path)
    try:
        return os.open(object_path, flags | _O_NOFOLLOW | os.O_CLOEXEC, mode & 0o7777)  # what the kernel keeps of a mode_t
    except OSError as error:
        raise OSError(error.errno, error.strerror, path) from None


def shm_unlink(path):
    try:
        object_path = _object_path(path)
    except OSError:  # glibc's shm_unlink reports a name it refuses as absent
        raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), path) from None
    try:
        os.unlink(object_path)
    except OSError as error:
        code = errno.EACCES if error.errno == errno.EPERM else error.errno  # as glibc reports it
        raise OSError(code, os.strerror(code), path) from None


def _object_path(path):
    """glibc's __shm_get_name: the file under /dev/shm, after CPython's UTF-8 conversion."""
    try:
        name = path.encode("utf-8")
    except UnicodeEncodeError as error:  # GraalPy's codec words it differently
        raise UnicodeEncodeError("utf-8", path, error.start, error.end, "surrogates not allowed") from None
    name = name.split(b"\0")[0].lstrip(b"/")  # the C string glibc sees
    if not name or b"/" in name or len(name) > _LONGEST_NAME:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), path)
    return _SHM_DIRECTORY + name


_declared.wrap(globals(), "posixshmem")
