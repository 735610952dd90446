"""threading.get_native_id as CPython's: the kernel's id of the thread (gettid).

GraalPy 25.0.1's returns the Java thread's id, so a forked child's main thread kept its parent's
native_id (CPython's child has its own: multiprocessing's test_process_mainthread_native_id).
"""

import sys

from . import _native, after_import


def get_native_id():
    """Return a non-negative integer identifying the thread as reported by the OS (kernel).

    This may be used to uniquely identify a particular thread within a system."""
    return _native.builtins.native_thread_id()


def native_thread_id(ident):
    """The kernel's id of the Python thread `ident` (threading.get_ident()): CPython's pthread_t is
    the thread itself, GraalPy's ident is the Java thread's id. ProcessLookupError for none."""
    import _thread

    if ident == _thread.get_ident():
        return get_native_id()
    threading = sys.modules.get("threading")
    thread = threading._active.get(ident) if threading is not None else None
    native = getattr(thread, "native_id", None)
    if native is None:
        import errno
        import os

        raise ProcessLookupError(errno.ESRCH, os.strerror(errno.ESRCH))
    return native


def install():
    """Where native calls are allowed; the first call links gettid before any fork."""
    import _thread

    try:
        get_native_id()
    except PermissionError:
        return
    get_native_id.__module__ = "_thread"
    _thread.get_native_id = get_native_id
    after_import.register("threading", _patch_threading)


def _patch_threading(threading):
    """threading binds get_native_id at import; its main thread may already hold GraalPy's id."""
    threading.get_native_id = get_native_id
    main = threading.main_thread()
    if main is threading.current_thread():
        main._set_native_id()
