"""atexit with CPython 3.12's semantics (Modules/atexitmodule.c), run by the launcher where
CPython's Py_FinalizeEx runs it: after the program and threading._shutdown, before finalization.

GraalPy runs its atexit callbacks while the context closes, so a callback that forks (CPython
allows it) leaves the child inside a context close it cannot finish, and its _run_exitfuncs
prints "Error in atexit._run_exitfuncs" and re-raises. install() keeps the callbacks here; one
callback registered with GraalPy's atexit runs them at context close (an embedder's context), a
no-op when the launcher ran them already.
"""

_callbacks = []


def register(*args, **kwargs):
    """Register a function to be executed upon normal program termination

        func - function to be called at exit
        args - optional arguments to pass to func
        kwargs - optional keyword arguments to pass to func

        func is returned to facilitate usage as a decorator."""
    if not args:
        raise TypeError("register() takes at least 1 argument (0 given)")
    func, args = args[0], args[1:]
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Unregister an exit function which was previously registered using
    atexit.register

        func - function to be unregistered"""
    for i, callback in enumerate(_callbacks):
        if callback is not None and callback[0] == func:
            _callbacks[i] = None


def _run_exitfuncs():
    """Run all registered exit functions.

    If a callback raises an exception, it is logged with sys.unraisablehook."""
    from ._unraisable import write_unraisable

    for i in range(len(_callbacks) - 1, -1, -1):
        if i >= len(_callbacks) or _callbacks[i] is None:
            continue
        func, args, kwargs = _callbacks[i]
        try:
            func(*args, **kwargs)
        except BaseException as error:
            write_unraisable(error, func, "Exception ignored in atexit callback")
    _clear()


def _clear():
    """Clear the list of previously registered exit functions."""
    _callbacks.clear()


def _ncallbacks():
    """Return the number of registered exit functions."""
    return sum(1 for callback in _callbacks if callback is not None)


def install():
    import atexit

    graalpy_register = atexit.register
    for function in (register, unregister, _run_exitfuncs, _clear, _ncallbacks):
        function.__module__ = "atexit"
        setattr(atexit, function.__name__, function)
    graalpy_register(_run_exitfuncs)
