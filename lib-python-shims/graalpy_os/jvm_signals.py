"""signal.signal for the signals the JVM holds, as python3 has it, in the launcher.

HotSpot treats SIGHUP, SIGINT and SIGTERM as its shutdown signals. Once one is ignored, it refuses
every handler for it (a Python handler set after SIG_IGN never ran, SIG_DFL after SIG_IGN left it
ignored), and GraalPy's SIG_DFL alternates between the default action and the JVM's shutdown
handler (which exits 143 where python3 dies by the signal). GraalPy keeps its table (what
getsignal answers); the kernel's disposition is then put where python3's would be.

SIGQUIT HotSpot keeps for itself (thread dumps) and refuses any handler for it, SIG_DFL and SIG_IGN
included. SIG_DFL and SIG_IGN are set in the kernel as python3 sets them; a Python handler is
recorded (getsignal answers it) and the JVM's action is put back: the process survives a SIGQUIT
as it would with a handler, but the handler does not run (docs/decisions.md D16).

set_wakeup_fd's fd gets the signal's byte when a signal with a Python handler arrives, as under
python3 (GraalPy's records the fd but never writes it): org.graalpyos.signals.WakeupFd.
"""

import _signal
import _thread

from . import _native

_SHUTDOWN_SIGNALS = frozenset((_signal.SIGHUP, _signal.SIGINT, _signal.SIGTERM))
_READ = -1
_JVM_ACTION = 2


def ignored(signalnum):
    return _native.builtins.signal_disposition(signalnum, _READ) == _signal.SIG_IGN


def _check_range(signalnum):
    """CPython's "signal number out of range" (GraalPy's accepts any number)."""
    if isinstance(signalnum, int) and not 1 <= signalnum < _signal.NSIG:
        raise ValueError("signal number out of range")


def install():
    graalpy_signal = _signal.signal
    graalpy_getsignal = _signal.getsignal
    graalpy_set_wakeup_fd = _signal.set_wakeup_fd
    main_thread = _thread.get_ident()  # install runs in the main thread, before the program
    quit_handler = [_signal.SIG_DFL]

    # the handler of each signal set here, as getsignal answers it: GraalPy's getsignal (and
    # signal's return value) read the JVM's Java handler, which the wake-up fd's wraps
    python_handlers = {}

    def set_handler(signalnum, handler):
        graalpy_previous = graalpy_signal(signalnum, handler)  # its checks first
        previous = python_handlers.get(int(signalnum), graalpy_previous)
        python_handlers[int(signalnum)] = handler
        if callable(handler):
            _native.builtins.wake_on_signal(signalnum)
        return previous

    def signal(signalnum, handler, /):
        _check_range(signalnum)
        if isinstance(signalnum, int) and signalnum == _signal.SIGQUIT:
            return set_quit(handler)
        if type(signalnum) is not int or signalnum not in _SHUTDOWN_SIGNALS:
            return set_handler(signalnum, handler)
        if callable(handler):
            # the JVM installs its dispatcher (which runs GraalPy's handler) only over a non-ignored signal
            was_ignored = ignored(signalnum)
            if was_ignored:
                _native.builtins.signal_disposition(signalnum, _signal.SIG_DFL)
            try:
                return set_handler(signalnum, handler)
            except BaseException:
                if was_ignored:
                    _native.builtins.signal_disposition(signalnum, _signal.SIG_IGN)
                raise
        previous = set_handler(signalnum, handler)
        if handler in (_signal.SIG_DFL, _signal.SIG_IGN):
            _native.builtins.signal_disposition(signalnum, int(handler))
        return previous

    def set_quit(handler):
        """signal_signal_impl's checks, in its order, for SIGQUIT."""
        if _thread.get_ident() != main_thread:
            raise ValueError("signal only works in main thread of the main interpreter")
        if callable(handler):
            disposition = _JVM_ACTION
        elif handler == _signal.SIG_IGN or handler == _signal.SIG_DFL:
            disposition = int(handler)
        else:
            raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        _native.builtins.signal_disposition(_signal.SIGQUIT, disposition)
        previous, quit_handler[0] = quit_handler[0], handler
        return previous

    def getsignal(signalnum, /):
        _check_range(signalnum)
        if isinstance(signalnum, int):  # signal.getsignal passes a Signals member
            if signalnum == _signal.SIGQUIT:
                return quit_handler[0]
            if int(signalnum) in python_handlers:
                return python_handlers[int(signalnum)]
        return graalpy_getsignal(signalnum)

    def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
        graalpy_set_wakeup_fd(fd, warn_on_full_buffer=warn_on_full_buffer)  # its checks (it answers -1 always)
        fd = int(fd)
        if fd != -1:  # CPython's: an open fd (fstat's OSError), non-blocking
            import os

            os.fstat(fd)
            if os.get_blocking(fd):
                raise ValueError(f"the fd {fd} must be in non-blocking mode")
        return _native.builtins.set_wakeup_fd(fd)

    signal.__doc__ = graalpy_signal.__doc__
    getsignal.__doc__ = graalpy_getsignal.__doc__
    set_wakeup_fd.__doc__ = graalpy_set_wakeup_fd.__doc__
    set_wakeup_fd.__module__ = "signal"  # a Python function pydoc shows as signal's (signal.py does not wrap it)
    _signal.signal = signal
    _signal.getsignal = getsignal
    _signal.set_wakeup_fd = set_wakeup_fd
