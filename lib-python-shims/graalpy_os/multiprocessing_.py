"""multiprocessing's start methods on the JVM (docs/decisions.md D11).

GraalPy's multiprocessing/context.py raises NotImplementedError for 'fork' and
'forkserver' and (25.0) lists only 'spawn' and its own 'graalpy' (a context in a thread). Once
multiprocessing.context has been imported, we restore CPython 3.12's fork Popen over our
os.fork, give forkserver its Popen (its server: graalpy_os/forkserver.py), list the methods as CPython does and choose the default.
'graalpy' stays available through get_context('graalpy') but is not listed (CPython's
test_get_all accepts only fork, spawn and forkserver).
"""

import os

DEFAULT_START_METHOD = "spawn"


def start_methods():
    """The methods this process can use, the default first (CPython's order otherwise)."""
    # forkserver forks nothing here (its workers are spawned: graalpy_os/forkserver.py), so it
    # stays offered without os.fork; its fd passing is graalpy_os/socket_.py's.
    methods = ["fork", "spawn", "forkserver"] if hasattr(os, "fork") else ["spawn", "forkserver"]
    methods.remove(DEFAULT_START_METHOD)
    return [DEFAULT_START_METHOD] + methods


def patch(context):
    """Run once multiprocessing.context has been imported (graalpy_os.install registers it)."""
    def popen_fork(process_obj):
        from multiprocessing.popen_fork import Popen

        _warm_up(context._concrete_contexts["fork"])
        return Popen(process_obj)

    def popen_forkserver(process_obj):
        from multiprocessing.popen_forkserver import Popen

        return Popen(process_obj)

    def get_all_start_methods(self):
        return start_methods()

    _patch_unlinked_semlock(context.BaseContext)
    context.ForkProcess._Popen = staticmethod(popen_fork)
    context.ForkServerProcess._Popen = staticmethod(popen_forkserver)
    context.DefaultContext.get_all_start_methods = get_all_start_methods
    context._default_context._default_context = context._concrete_contexts[DEFAULT_START_METHOD]


_warm = False


def _warm_up(context):
    """Before the first multiprocessing fork, pass one item through a Queue in the parent: a
    child's Queue starts a feeder thread, and when the parent had never run that path, linking it
    in the child deoptimized compiled code and the child died with status 73."""
    global _warm
    if not _warm:
        _warm = True
        queue = context.Queue()
        queue.put(None)
        queue.get()
        queue.close()
        queue.join_thread()


def _patch_unlinked_semlock(base_context):
    """CPython's SemLock created with unlink=True (the fork method's) has name None, so
    synchronize registers no cleanup and starts no resource tracker; GraalPy's keeps its name,
    which started a resource tracker (a JVM) and unlinked the name twice at exit."""
    import _multiprocessing

    class UnlinkedSemLock(_multiprocessing.SemLock):
        name = None

    create = getattr(base_context, "_SemLock", None)
    if create is None:  # GraalPy 25.2's context has no 'graalpy' method and creates its SemLocks as CPython's
        return

    def _SemLock(self, kind, value, maxvalue, name, unlink):
        if unlink and not self._is_graalpy():
            return UnlinkedSemLock(kind, value, maxvalue, name, unlink)
        return create(self, kind, value, maxvalue, name, unlink)

    base_context._SemLock = _SemLock
