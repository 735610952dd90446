"""The rest of CPython 3.12's _signal: pthread_sigmask, sigpending, sigwait, sigwaitinfo,
sigtimedwait, pthread_kill, raise_signal (its handler runs before it returns), pause, strsignal, pidfd_send_signal, valid_signals (GraalPy's stops
at 31), struct_siginfo, ItimerError,
SIGRTMIN/SIGRTMAX (the C library's at run time), SIGCLD/SIGIO/SIGIOT and SIG_BLOCK/UNBLOCK/SETMASK;
alarm, setitimer and getitimer over alarm(2) and setitimer(2) (GraalPy's raise SIGALRM from a Java
thread, in that thread, and know only ITIMER_REAL); os.kill, whose signal to this process is handled
before it returns, as CPython's. They go into _signal before signal.py first
runs, so its Signals and Sigmasks enums are CPython's. Masks cross as ints, signal n at bit n - 1;
why a mask works in a JVM: docs/decisions.md D19 (org.graalpyos.signals.HeldSignals).
"""

import _signal
import os
import sys
import warnings

from . import _codec, _declared, _native
from ._convert import NULL, format_unsigned_long_mask, index, pytime_from_seconds
from ._structseq import structseq
from .native_id import get_native_id, native_thread_id

NSIG = _signal.NSIG
_ALL = 2**64 - 1
_US = 10**6

struct_siginfo = structseq("struct_siginfo", "signal",
                           ("si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"),
                           """struct_siginfo: Result from sigwaitinfo or sigtimedwait.

This object may be accessed either as a tuple of
(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),
or via the attributes si_signo, si_code, and so on.""")

ItimerError = type("itimer_error", (OSError,), {"__module__": "signal"})


def _limits():
    global _limits_cache
    if _limits_cache is None:
        rtmin, rtmax, reserved = _codec.fields(_native.builtins.signal_limits(), "iil")
        _limits_cache = rtmin, rtmax, frozenset(reserved)
    return _limits_cache


_limits_cache = None


def _sigset(value):
    """_Py_Sigset_Converter: an iterable of signal numbers as a mask; a number glibc keeps for itself
    is left out with a RuntimeWarning."""
    mask = 0
    reserved = _limits()[2]
    for item in value:
        signum = index(item)
        if not -2**63 <= signum < 2**63:
            signum = -1  # PyLong_AsLongAndOverflow's -1 on overflow
        if signum <= 0 or signum >= NSIG:
            raise ValueError(f"signal number {signum} out of range [1; {NSIG - 1}]")
        if signum in reserved:
            # stacklevel: past this function, the body and its wrapper, to the caller of _signal's function
            warnings.warn(f"invalid signal number {signum}, please use valid_signals()", RuntimeWarning, stacklevel=4)
            continue
        mask |= 1 << (signum - 1)
    return mask


def valid_signals():
    # sigfillset(3): every number below NSIG but those glibc keeps for itself
    return set(range(1, NSIG)) - _limits()[2]


def _wire(mask):
    """A mask as the builtins' signed 64-bit long."""
    return mask - 2**64 if mask >= 2**63 else mask


def _signals(mask):
    mask &= _ALL
    return {signum for signum in range(1, NSIG) if mask >> (signum - 1) & 1}


def _run_handlers(mask):
    """The Python handlers of the signals a call saw arrive, as CPython's PyErr_CheckSignals runs
    them before the call returns: in signal order, with the caller's frame."""
    if not mask:
        return
    frame = sys._getframe(1)
    while frame is not None and (frame.f_code.co_filename.startswith("<graalpy-os>")
                                 or frame.f_globals.get("__name__", "").startswith("graalpy_os")):
        frame = frame.f_back
    for signum in sorted(_signals(mask)):
        handler = _signal.getsignal(signum)
        if callable(handler):
            handler(signum, frame)


def pthread_sigmask(how, mask):
    previous, arrived = _codec.ints(_native.builtins.signal_mask(how, _wire(_sigset(mask))))
    _run_handlers(arrived)
    return _signals(previous)


def sigpending():
    return _signals(_native.builtins.signal_pending())


def _wait(mask, timeout):
    return _codec.ints(_native.builtins.signal_wait(_wire(mask), timeout))


def sigwait(sigset):
    return _wait(_sigset(sigset), -1)[0]


def sigwaitinfo(sigset):
    return struct_siginfo(_wait(_sigset(sigset), -1))


def sigtimedwait(sigset, timeout):
    mask = _sigset(sigset)
    nanoseconds = pytime_from_seconds(timeout, ceiling=True)
    if nanoseconds < 0:
        raise ValueError("timeout must be non-negative")
    info = _wait(mask, nanoseconds)
    return struct_siginfo(info) if info[0] else None


def pthread_kill(thread_id, signalnum):
    masked = format_unsigned_long_mask(thread_id)
    if masked is None:
        raise TypeError(f"pthread_kill() argument 1 must be int, not {type(thread_id).__name__}")
    sys.audit("signal.pthread_kill", masked, signalnum)
    _run_handlers(_native.builtins.signal_send(native_thread_id(masked), signalnum, True))


def raise_signal(signalnum):
    # raise(3) is tgkill to the calling thread
    _run_handlers(_native.builtins.signal_send(get_native_id(), signalnum, True))


def pause():
    _run_handlers(_native.builtins.signal_pause())


def strsignal(signalnum):
    if signalnum < 1 or signalnum >= NSIG:
        raise ValueError("signal number out of range")
    return _native.builtins.signal_description(signalnum)


def pidfd_send_signal(pidfd, signalnum, siginfo, flags):
    if siginfo is not None:
        raise TypeError("siginfo must be None")
    _run_handlers(_native.builtins.signal_pidfd_send(pidfd, signalnum, flags, _is_this_process(pidfd)))


def _is_this_process(pidfd):
    """Whether pidfd refers to this process: a /proc/PID directory, or a pidfd whose fdinfo names it."""
    pid = os.getpid()
    try:
        if os.readlink(f"/proc/self/fd/{pidfd}") == f"/proc/{pid}":
            return True
        with open(f"/proc/self/fdinfo/{pidfd}") as info:
            return any(line.split() == ["Pid:", str(pid)] for line in info)
    except (OSError, ValueError):
        return False


def kill(pid, signal):
    """os.kill as CPython 3.12's: a signal this process sends itself is handled before it returns."""
    sys.audit("os.kill", pid, signal)
    signal = (signal + 2**31) % 2**32 - 2**31  # (int) signal
    _run_handlers(_native.builtins.signal_send(pid, signal, False))


def alarm(seconds):
    return _native.builtins.signal_alarm(seconds)


def _microseconds(seconds):
    """timeval_from_double: _PyTime_FromSecondsObject, then _PyTime_AsTimeval, both rounding up."""
    return -(-pytime_from_seconds(seconds, ceiling=True) // 1000)


def _itimer(which, value, interval, set_it):
    value, interval = _codec.ints(_native.builtins.signal_itimer(which, value, interval, set_it))
    if value < 0:
        raise ItimerError(-value, os.strerror(-value))
    # itimer_retval: tv_sec + tv_usec / 1e6 of it_value and it_interval
    return tuple(micros // _US + (micros % _US) / 1000000.0 for micros in (value, interval))


def setitimer(which, seconds, interval):
    return _itimer(which, _microseconds(seconds), 0 if interval is NULL else _microseconds(interval), True)


def getitimer(which):
    return _itimer(which, 0, 0, False)


_declared.wrap(globals(), "signal_")


def exports():
    return {"kill": kill}


def install():
    """Puts the names into _signal before signal.py runs (its enums read them), and into signal if
    it ran already (an embedding that imported it before installing graalpy-os)."""
    rtmin, rtmax, _ = _limits()
    names = {}
    for name in _native.builtins.declared_exports("signal_").split("\0")[:-1]:
        value = globals()[name]
        if isinstance(value, int) or value.__module__ == "_signal":  # not os.kill
            names[name] = value
            # not builtins: pydoc shows a Python function of signal's (test_signal's test_functions_module_attr)
            if not isinstance(value, int):
                value.__module__ = "signal"
    names.update(SIGRTMIN=rtmin, SIGRTMAX=rtmax, ItimerError=ItimerError, struct_siginfo=struct_siginfo)
    for module in (_signal, sys.modules.get("signal")):
        for name, value in names.items():
            if module is not None:
                setattr(module, name, value)
