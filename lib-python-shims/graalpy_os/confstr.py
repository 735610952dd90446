"""os.confstr and os.confstr_names (glibc's names), which subprocess needs to pick posix_spawn."""

from . import _convert, _declared, _native

# glibc <bits/confname.h>; the names CPython's posixmodule exports on Linux.
confstr_names = {
    "CS_PATH": 0,
    "CS_GNU_LIBC_VERSION": 2,
    "CS_GNU_LIBPTHREAD_VERSION": 3,
    "CS_LFS_CFLAGS": 1000,
    "CS_LFS_LDFLAGS": 1001,
    "CS_LFS_LIBS": 1002,
    "CS_LFS_LINTFLAGS": 1003,
    "CS_LFS64_CFLAGS": 1004,
    "CS_LFS64_LDFLAGS": 1005,
    "CS_LFS64_LIBS": 1006,
    "CS_LFS64_LINTFLAGS": 1007,
    "CS_XBS5_ILP32_OFF32_CFLAGS": 1100,
    "CS_XBS5_ILP32_OFF32_LDFLAGS": 1101,
    "CS_XBS5_ILP32_OFF32_LIBS": 1102,
    "CS_XBS5_ILP32_OFF32_LINTFLAGS": 1103,
    "CS_XBS5_ILP32_OFFBIG_CFLAGS": 1104,
    "CS_XBS5_ILP32_OFFBIG_LDFLAGS": 1105,
    "CS_XBS5_ILP32_OFFBIG_LIBS": 1106,
    "CS_XBS5_ILP32_OFFBIG_LINTFLAGS": 1107,
    "CS_XBS5_LP64_OFF64_CFLAGS": 1108,
    "CS_XBS5_LP64_OFF64_LDFLAGS": 1109,
    "CS_XBS5_LP64_OFF64_LIBS": 1110,
    "CS_XBS5_LP64_OFF64_LINTFLAGS": 1111,
    "CS_XBS5_LPBIG_OFFBIG_CFLAGS": 1112,
    "CS_XBS5_LPBIG_OFFBIG_LDFLAGS": 1113,
    "CS_XBS5_LPBIG_OFFBIG_LIBS": 1114,
    "CS_XBS5_LPBIG_OFFBIG_LINTFLAGS": 1115,
}


def confstr(name):
    return _native.builtins.confstr(_convert.confname(name, confstr_names))


_declared.wrap(globals(), "confstr")


def exports():
    return {"confstr": confstr, "confstr_names": confstr_names}
