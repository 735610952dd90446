"""time.sleep as CPython 3.12's time_sleep, over a sleep during which Python signal handlers run
(org.graalpyos.functions.time.Sleep; PEP 475): a handler that raises ends the sleep at once with
its exception, one that returns lets the sleep go on to its deadline."""

import sys

from . import _convert, _declared, _native


def sleep(secs):
    sys.audit("time.sleep", secs)
    ns = _convert.timeout_ns(secs, 10**9)
    if ns < 0:
        raise ValueError("sleep length must be non-negative")
    _native.builtins.sleep_ns(ns)


_declared.wrap(globals(), "sleep_")


def patch(module):
    module.sleep = sleep
