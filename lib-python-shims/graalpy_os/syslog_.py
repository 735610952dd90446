"""CPython 3.12's syslog module (Modules/syslogmodule.c), which GraalPy 25.0.1 lacks: openlog,
syslog, closelog and setlogmask with their audit events, openlog's default ident from sys.argv[0],
syslog's implicit openlog. openlog, closelog and setlogmask are declared in Java
(org.graalpyos.functions.syslog.Syslog), as LOG_MASK, LOG_UPTO and the LOG_* constants are;
syslog.syslog is written here: its signature has an optional group ([priority,] message), so
CPython parses it with PyArg_ParseTuple and it has no __text_signature__.
"""

import sys

from . import _declared, _native
from ._convert import NULL, format_int, utf8


def patch(module):
    for function in (openlog, syslog, closelog, setlogmask):
        setattr(module, function.__name__, function)


def _argv_ident():
    """syslog_get_argv: sys.argv[0] after its last "/", or None (openlog then lets libc choose)."""
    argv = getattr(sys, "argv", None)
    if not isinstance(argv, list) or not argv:
        return None
    script = argv[0]
    if not isinstance(script, str) or not script:
        return None
    return script[script.rfind("/") + 1:]


def _open(ident, logoption, facility):
    if ident is NULL:
        ident = _argv_ident()
    encoded = None if ident is None else utf8(ident)  # PyUnicode_AsUTF8; C reads up to a NUL
    sys.audit("syslog.openlog", ident, logoption, facility)
    _native.builtins.syslog_open(None if encoded is None else encoded.decode("latin-1"), logoption, facility)


def openlog(ident, logoption, facility):
    _open(ident, logoption, facility)


def _message(value, position):
    """PyArg_ParseTuple's "s": a str, UTF-8 encoded, without NUL."""
    if not isinstance(value, str):
        raise TypeError(f"syslog() argument {position} must be str, not "
                        f"{'None' if value is None else type(value).__name__}")
    encoded = utf8(value)
    if b"\0" in encoded:
        raise ValueError("embedded null character")
    return str(value), encoded.decode("latin-1")


def syslog(*args, **kwargs):
    if kwargs:
        raise TypeError("syslog() takes no keyword arguments")
    if len(args) == 1:
        priority = LOG_INFO  # noqa: F821 (the declared constants, set by wrap below)
        message, data = _message(args[0], 1)
    elif len(args) == 2:
        priority = format_int(args[0])
        message, data = _message(args[1], 2)
    else:
        raise TypeError("syslog.syslog requires 1 to 2 arguments")
    sys.audit("syslog.syslog", priority, message)
    if not _native.builtins.syslog_write(priority, data):
        _open(NULL, 0, LOG_USER)  # noqa: F821
        _native.builtins.syslog_write(priority, data)


syslog.__module__ = "syslog"
syslog.__doc__ = "syslog([priority=LOG_INFO,] message)\nSend the string message to the system logger."
syslog.__text_signature__ = None


def closelog():
    sys.audit("syslog.closelog")
    _native.builtins.syslog_close()


def setlogmask(maskpri):
    sys.audit("syslog.setlogmask", maskpri)
    return _native.builtins.syslog_setlogmask(maskpri)


_declared.wrap(globals(), "syslog_")
