"""os.sched_param and the SCHED_* policies (Linux values), needed by posix_spawn's scheduler."""

from ._structseq import structseq

SCHED_OTHER = 0
SCHED_FIFO = 1
SCHED_RR = 2
SCHED_BATCH = 3
SCHED_IDLE = 5
SCHED_RESET_ON_FORK = 0x40000000

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


def exports():
    return {
        "sched_param": sched_param,
        "SCHED_OTHER": SCHED_OTHER,
        "SCHED_FIFO": SCHED_FIFO,
        "SCHED_RR": SCHED_RR,
        "SCHED_BATCH": SCHED_BATCH,
        "SCHED_IDLE": SCHED_IDLE,
        "SCHED_RESET_ON_FORK": SCHED_RESET_ON_FORK,
    }
