"""os.sched_param, needed by posix_spawn's scheduler, os.sched_getparam (declared in Java,
org.graalpyos.functions.posix.Scheduling, with the SCHED_* policies), sched_setparam,
sched_setscheduler, sched_rr_get_interval and the CPU affinity (declared in
org.graalpyos.functions.posix.ProcessControl), as CPython 3.12's."""

from . import _codec, _convert, _declared, _native
from ._structseq import structseq

_sched_param_base = structseq("sched_param", "posix", ("sched_priority",),
                              "Currently has only one field: sched_priority")


class sched_param(_sched_param_base):
    """Currently has only one field: sched_priority

    sched_priority
      A scheduling parameter.
    """

    __slots__ = ()

    def __new__(cls, sched_priority):
        return _sched_param_base.__new__(cls, (sched_priority,))

    def __reduce__(self):
        return (type(self), (self.sched_priority,))


sched_param.__module__ = "posix"
sched_param.__qualname__ = "sched_param"


def sched_getparam(pid):
    return sched_param(_native.builtins.sched_priority(pid))


def _priority(param):
    """convert_sched_param: an exact sched_param whose priority fits a C int."""
    if type(param) is not sched_param:
        raise TypeError("must have a sched_param object")
    priority = _convert.c_long(param.sched_priority)
    if not -2**31 <= priority < 2**31:
        raise OverflowError("sched_priority out of range")
    return priority


def sched_setparam(pid, param):
    _native.builtins.sched_set_param(pid, _priority(param))


def sched_setscheduler(pid, policy, param):
    _native.builtins.sched_set_scheduler(pid, policy, _priority(param))


def sched_rr_get_interval(pid):
    seconds, nanoseconds = _codec.ints(_native.builtins.sched_rr_interval(pid))
    return seconds + 1e-9 * nanoseconds


def sched_getaffinity(pid):
    return set(_codec.ints(_native.builtins.sched_affinity(pid)))


def sched_setaffinity(pid, mask):
    cpus = []
    for item in mask:
        if not isinstance(item, int):
            raise TypeError(f"expected an iterator of ints, but iterator yielded {type(item)!r}")
        cpu = _convert.c_long(item)
        if cpu < 0:
            raise ValueError("negative CPU number")
        if cpu > 2**31 - 2:
            raise OverflowError("CPU number too large")
        cpus.append(cpu)
    _native.builtins.sched_set_affinity(pid, _codec.int_items(cpus))


_declared.wrap(globals(), "sched")


def exports():
    return {"sched_getparam": sched_getparam, "sched_param": sched_param, "sched_setparam": sched_setparam,
            "sched_setscheduler": sched_setscheduler, "sched_rr_get_interval": sched_rr_get_interval,
            "sched_getaffinity": sched_getaffinity, "sched_setaffinity": sched_setaffinity}
