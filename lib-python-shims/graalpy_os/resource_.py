"""resource.getrlimit, setrlimit and prlimit over prlimit(2), with CPython 3.12's checks, messages
and audit events, and Linux's RLIMIT_* numbers.

GraalPy 25.0.1's resource module has no setrlimit or prlimit (the usual preexec_fn of a
subprocess that limits its child), its getrlimit answers (2**63-1, 2**63-1) for every resource,
and some of its constants are another system's (RLIMIT_NOFILE 8, which is Linux's RLIMIT_NPROC;
RLIMIT_AS 5; RLIM_INFINITY 2**63-1): the limit a program set with them would be another one.
"""

import os
import sys

from . import _codec, _declared, _native
from ._convert import c_long, format_int

# <bits/resource.h> of glibc on Linux (every architecture the launcher runs on)
_CONSTANTS = {
    "RLIMIT_CPU": 0, "RLIMIT_FSIZE": 1, "RLIMIT_DATA": 2, "RLIMIT_STACK": 3, "RLIMIT_CORE": 4, "RLIMIT_RSS": 5,
    "RLIMIT_NPROC": 6, "RLIMIT_NOFILE": 7, "RLIMIT_OFILE": 7, "RLIMIT_MEMLOCK": 8, "RLIMIT_AS": 9,
    "RLIMIT_SIGPENDING": 11, "RLIMIT_MSGQUEUE": 12, "RLIMIT_NICE": 13, "RLIMIT_RTPRIO": 14, "RLIMIT_RTTIME": 15,
    "RLIM_INFINITY": -1,
}
_RLIM_NLIMITS = 16
_EPERM = 1
_EINVAL = 22


def patch(module):
    for name, value in _CONSTANTS.items():
        setattr(module, name, value)
    for function in (getrlimit, setrlimit, prlimit):
        function.__module__ = "resource"
        setattr(module, function.__name__, function)


def getrlimit(resource):
    errno, current, maximum = _prlimit(0, _resource(resource), None)
    if errno:
        raise OSError(errno, os.strerror(errno))
    return current, maximum


def setrlimit(resource, limits):
    resource = _resource(resource)
    sys.audit("resource.setrlimit", resource, limits)
    errno, _, _ = _prlimit(0, resource, _limits(limits))
    if errno == _EINVAL:
        raise ValueError("current limit exceeds maximum limit")
    if errno == _EPERM:
        raise ValueError("not allowed to raise maximum limit")
    if errno:
        raise OSError(errno, os.strerror(errno))


def prlimit(*args, **kwargs):
    """prlimit(pid, resource, [limits])"""
    if kwargs:
        raise TypeError("prlimit() takes no keyword arguments")
    if not 2 <= len(args) <= 3:
        raise TypeError("resource.prlimit requires 2 to 3 arguments")
    # PyArg_ParseTuple's "i" for both here (its own overflow messages), the clinic's int in the others
    pid, resource = format_int(args[0]), _resource(format_int(args[1]))
    limits = args[2] if len(args) == 3 else None
    sys.audit("resource.prlimit", pid, resource, limits)
    errno, current, maximum = _prlimit(pid, resource, _limits(limits) if len(args) == 3 else None)
    if errno == _EINVAL:
        raise ValueError("current limit exceeds maximum limit")
    if errno:
        raise OSError(errno, os.strerror(errno))
    return current, maximum


def _resource(resource):
    """resource, a C int already."""
    if not 0 <= resource < _RLIM_NLIMITS:
        raise ValueError("invalid resource specified")
    return resource


def _limits(limits):
    """py2rlimit: any iterable of two ints (PyLong_AsLongLong each: rlim_t keeps the bits of a negative one)."""
    limits = tuple(limits)
    if len(limits) != 2:
        raise ValueError("expected a tuple of 2 integers")
    return c_long(limits[0]), c_long(limits[1])


def _prlimit(pid, resource, limits):
    """(errno, soft, hard before the call); limits None: only read."""
    current, maximum = limits or (None, None)
    return _codec.ints(_native.builtins.prlimit(pid, resource, current, maximum))


_declared.wrap(globals(), "resource_")
