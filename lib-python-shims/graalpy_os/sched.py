"""os.sched_param, needed by posix_spawn's scheduler, and os.sched_getparam (declared in Java,
org.graalpyos.functions.posix.Scheduling, with the SCHED_* policies)."""

from . import _declared, _native
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


_declared.wrap(globals(), "sched")


def exports():
    return {"sched_getparam": sched_getparam, "sched_param": sched_param}
