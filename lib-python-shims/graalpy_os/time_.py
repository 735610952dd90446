"""time.clock_gettime, clock_gettime_ns, clock_getres, clock_settime, clock_settime_ns and
pthread_getcpuclockid as CPython 3.12's (PyArg_ParseTuple, no text signature), over clock_gettime(2)
and its kin (org.graalpyos.functions.time.Clocks); GraalPy 25.0.1's time has none of them. The
CLOCK_* constants come with the module's declared names."""

from . import _codec, _native
from ._convert import format_int, format_unsigned_long_mask, pytime_from_seconds
from .native_id import native_thread_id

_NS = 10**9
_PYTIME_MIN, _PYTIME_MAX = -2**63, 2**63 - 1


def _arguments(args, kwargs, function, count, parsed_as=None):
    """A METH_VARARGS function's checks: no keywords; PyArg_ParseTuple's, exactly `count` arguments
    (its message names the format's function, `parsed_as`, where that differs)."""
    if kwargs:
        raise TypeError(f"{function}() takes no keyword arguments")
    function = parsed_as or function
    if len(args) != count:
        plural = "" if count == 1 else "s"
        raise TypeError(f"{function}() takes exactly {count} argument{plural} ({len(args)} given)")
    return args


def _timespec(clk_id, resolution=False):
    return _codec.ints(_native.builtins.clock_time(clk_id, resolution))


def clock_gettime(*args, **kwargs):
    """clock_gettime(clk_id) -> float

Return the time of the specified clock clk_id."""
    (clk_id,) = _arguments(args, kwargs, "clock_gettime", 1)
    seconds, nanoseconds = _timespec(format_int(clk_id))
    return seconds + nanoseconds * 1e-9


def clock_gettime_ns(*args, **kwargs):
    """clock_gettime_ns(clk_id) -> int

Return the time of the specified clock clk_id as nanoseconds."""
    (clk_id,) = _arguments(args, kwargs, "clock_gettime_ns", 1, "clock_gettime")  # "i:clock_gettime" in CPython 3.12
    seconds, nanoseconds = _timespec(format_int(clk_id))
    return seconds * _NS + nanoseconds


def clock_getres(*args, **kwargs):
    """clock_getres(clk_id) -> floating point number

Return the resolution (precision) of the specified clock clk_id."""
    (clk_id,) = _arguments(args, kwargs, "clock_getres", 1)
    seconds, nanoseconds = _timespec(format_int(clk_id), True)
    return seconds + nanoseconds * 1e-9


def clock_settime(*args, **kwargs):
    """clock_settime(clk_id, time)

Set the time of the specified clock clk_id."""
    clk_id, time = _arguments(args, kwargs, "clock_settime", 2)
    clk_id = format_int(clk_id)
    _set(clk_id, pytime_from_seconds(time, ceiling=False))


def clock_settime_ns(*args, **kwargs):
    """clock_settime_ns(clk_id, time)

Set the time of the specified clock clk_id with nanoseconds."""
    clk_id, time = _arguments(args, kwargs, "clock_settime_ns", 2, "clock_settime")  # "iO:clock_settime" in CPython 3.12
    clk_id = format_int(clk_id)
    if not isinstance(time, int):
        raise TypeError(f"expect int, got {type(time).__name__}")
    if not _PYTIME_MIN <= time <= _PYTIME_MAX:
        raise OverflowError("timestamp too large to convert to C _PyTime_t")
    _set(clk_id, int(time))


def _set(clk_id, nanoseconds):
    seconds, nanoseconds = divmod(nanoseconds, _NS)  # _PyTime_AsTimespec: tv_nsec in [0, 1e9)
    _native.builtins.clock_set(clk_id, seconds, nanoseconds)


def pthread_getcpuclockid(*args, **kwargs):
    """pthread_getcpuclockid(thread_id) -> int

Return the clk_id of a thread's CPU time clock."""
    (thread_id,) = _arguments(args, kwargs, "pthread_getcpuclockid", 1)
    masked = format_unsigned_long_mask(thread_id)
    if masked is None:
        raise TypeError(f"pthread_getcpuclockid() argument 1 must be int, not {type(thread_id).__name__}")
    # glibc's pthread_getcpuclockid: MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED), a clockid_t (int)
    return (~native_thread_id(masked) << 3) | 6


def patch(module):
    for function in (clock_gettime, clock_gettime_ns, clock_getres, clock_settime, clock_settime_ns, pthread_getcpuclockid):
        function.__module__ = "time"
        setattr(module, function.__name__, function)
