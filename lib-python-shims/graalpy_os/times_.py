"""os.times and os.times_result as CPython 3.12's: times(2)'s clock ticks divided by the ticks
per second (declared in Java, org.graalpyos.functions.posix.ProcessControl)."""

from . import _codec, _declared, _native
from ._structseq import structseq

times_result = structseq("times_result", "posix", ("user", "system", "children_user", "children_system", "elapsed"), """\
times_result: Result from os.times().

This object may be accessed either as a tuple of
  (user, system, children_user, children_system, elapsed),
or via the attributes user, system, children_user, children_system,
and elapsed.

See os.times for more information.""")


def times():
    *ticks, per_second = _codec.ints(_native.builtins.process_times())
    return times_result([tick / per_second for tick in ticks])


_declared.wrap(globals(), "times_")


def exports():
    return {"times": times, "times_result": times_result}
