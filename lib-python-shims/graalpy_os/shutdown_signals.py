"""signal.signal for SIGHUP, SIGINT and SIGTERM as python3 has it, in the launcher.

HotSpot treats them as its shutdown signals. Once one is ignored, it refuses every handler for it
(a Python handler set after SIG_IGN never ran, SIG_DFL after SIG_IGN left it ignored), and
GraalPy's SIG_DFL alternates between the default action and the JVM's shutdown handler (which
exits 143 where python3 dies by the signal). GraalPy keeps its table (what getsignal answers); the
kernel's disposition is then put where python3's would be.
"""

import _signal

from . import _native

_SHUTDOWN_SIGNALS = frozenset((_signal.SIGHUP, _signal.SIGINT, _signal.SIGTERM))
_READ = -1


def ignored(signalnum):
    return _native.builtins.signal_disposition(signalnum, _READ) == _signal.SIG_IGN


def install():
    graalpy_signal = _signal.signal

    def signal(signalnum, handler, /):
        if type(signalnum) is not int or signalnum not in _SHUTDOWN_SIGNALS:
            return graalpy_signal(signalnum, handler)
        if callable(handler):
            # the JVM installs its dispatcher (which runs GraalPy's handler) only over a non-ignored signal
            was_ignored = ignored(signalnum)
            if was_ignored:
                _native.builtins.signal_disposition(signalnum, _signal.SIG_DFL)
            try:
                return graalpy_signal(signalnum, handler)
            except BaseException:
                if was_ignored:
                    _native.builtins.signal_disposition(signalnum, _signal.SIG_IGN)
                raise
        previous = graalpy_signal(signalnum, handler)
        if handler in (_signal.SIG_DFL, _signal.SIG_IGN):
            _native.builtins.signal_disposition(signalnum, int(handler))
        return previous

    signal.__doc__ = graalpy_signal.__doc__
    _signal.signal = signal
