"""threading.get_native_id as CPython's: the kernel's id of the thread (gettid).

GraalPy 25.0.1's returns the Java thread's id, so a forked child's main thread kept its parent's
native_id (CPython's child has its own: multiprocessing's test_process_mainthread_native_id).
"""

from . import _native, after_import


def get_native_id():
    """Return a non-negative integer identifying the thread as reported by the OS (kernel).

    This may be used to uniquely identify a particular thread within a system."""
    return _native.builtins.native_thread_id()


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
