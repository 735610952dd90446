"""sys.audit and sys.addaudithook that work (PEP 578).

GraalPy 25.0.1 accepts audit hooks and never calls them, so no hook could observe or veto
process creation. Where that is so, install() replaces both with CPython's Python-level
semantics: hooks run in registration order for every sys.audit() call, and an exception from a
hook propagates to the caller (vetoing the operation). GraalPy's own C-level events (open, ...)
are not raised; the events of the stdlib's Python code and of graalpy-os are.
"""

import sys

_hooks = []


def audit(event, /, *args):
    """Passes the event to any audit hooks that are attached."""
    if not isinstance(event, str):
        raise TypeError(f"expected str for argument 'event', not {type(event).__name__}")
    if _hooks:  # most programs have none: every process creation raises an event
        for hook in tuple(_hooks):
            hook(event, args)


def addaudithook(hook):
    """Adds a new audit hook callback."""
    try:
        audit("sys.addaudithook")
    except Exception:
        # CPython: a hook that raises an Exception here silently refuses the new hook
        return
    _hooks.append(hook)


def _graalpy_calls_hooks():
    called = []
    sys.addaudithook(lambda event, args: called.append(event) if event == "graalpy_os.probe" else None)
    sys.audit("graalpy_os.probe")
    return bool(called)


def install():
    if not _graalpy_calls_hooks():
        sys.audit = audit
        sys.addaudithook = addaudithook
