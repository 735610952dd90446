"""multiprocessing Managers of the fork context get a spawned server (docs/decisions.md D11).

A Manager's server is a long-running process that keeps linking new code paths (connections,
locks, authentication, one thread per client); as a forked JVM child it exited 73 at its first
request. CPython's spawn start method gives it a full JVM. The fork workers talk to it as to any
manager; as under spawn, the main module must be importable without side effects.
"""


def patch(managers):
    start = managers.BaseManager.start

    def start_spawned_if_forked(self, initializer=None, initargs=()):
        if getattr(self._ctx, "_name", None) == "fork":
            from multiprocessing import get_context

            self._ctx = get_context("spawn")
        return start(self, initializer, initargs)

    start_spawned_if_forked.__doc__ = start.__doc__
    managers.BaseManager.start = start_spawned_if_forked
