"""multiprocessing's forkserver as a pool of warm interpreters (docs/decisions.md D12).

CPython's server forks a child per request. A forked JVM cannot collect garbage, so our server
(started by CPython's own ForkServer.ensure_running, as `sys.executable -c "from
multiprocessing.forkserver import main; main(...)"`: we replace `main`) keeps a pool of
interpreters that it started with posix_spawn, each a full JVM that has imported the preload
modules and waits on a socket to the server. A request (CPython's protocol: the parent sends
child_r, child_w, the alive fd, the resource tracker fd and its own fds with SCM_RIGHTS) goes to a
warm worker, which receives the fds and runs spawn._main on child_r as CPython's forked child
does; the server sends the worker's pid to the parent, refills the pool, and when the worker ends
sends its exit code as CPython's server does (os.waitstatus_to_exitcode).
"""

import os
import selectors
import signal
import socket
import sys
import time


POOL_SIZE_VARIABLE = "GRAALPY_OS_FORKSERVER_POOL"
DEFAULT_POOL_SIZE = 2
_WORKER_FD = 3  # where a warm worker finds its socket to the server
_READY = b"R"
_MAX_START_FAILURES = 3  # workers in a row that end before serving: stop refilling, fail the waiting requests
_REAP_INTERVAL = 1.0  # seconds; reaps workers whose socket a forked grandchild keeps open
_EXIT_GRACE = 0.2  # seconds between a worker's socket closing and its zombie appearing


def patch(forkserver):
    forkserver.main = serve
    forkserver.spawn = _SpawnWithMainPath(forkserver.spawn)


class _SpawnWithMainPath:
    """multiprocessing.spawn for forkserver.py, whose ensure_running (3.12) keeps the keys
    'main_path' and 'sys_path' of get_preparation_data(), which names the main module's path
    'init_main_from_path': the server never got it, so '__main__' in the preload list was never
    preloaded (later CPython versions pass it). Our workers are new interpreters, where that
    import is most of the work a warm worker saves."""

    def __init__(self, spawn):
        self._spawn = spawn

    def get_preparation_data(self, name):
        data = self._spawn.get_preparation_data(name)
        if "init_main_from_path" in data:
            data["main_path"] = data["init_main_from_path"]
        return data

    def __getattr__(self, name):
        return getattr(self._spawn, name)


def pool_size():
    """Warm workers the server keeps ready: $GRAALPY_OS_FORKSERVER_POOL (at least 1), else 2."""
    try:
        return max(1, int(os.environ.get(POOL_SIZE_VARIABLE, DEFAULT_POOL_SIZE)))
    except ValueError:
        return DEFAULT_POOL_SIZE


def serve(listener_fd, alive_r, preload, main_path=None, sys_path=None):
    """Run forkserver (multiprocessing.forkserver.main's signature and role)."""
    from multiprocessing import util

    util._close_stdin()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # protect the server from ^C, as CPython's
    command = [sys.executable, *util._args_from_interpreter_flags(), "-c",
               "from graalpy_os.forkserver import work; work(%r, %r, %r)" % (preload, main_path, sys_path)]
    with socket.socket(socket.AF_UNIX, fileno=listener_fd) as listener:
        _Server(command, pool_size()).run(listener, alive_r)


class _Worker:
    def __init__(self, pid, sock):
        self.pid = pid
        self.sock = sock  # None once it hung up
        self.ready = False
        self.child_w = None  # the parent's status pipe while it runs a process


class _Server:
    def __init__(self, command, size):
        self.command = command
        self.size = size
        self.selector = selectors.DefaultSelector()
        self.workers = []
        self.requests = []  # [child_r, child_w, *fds] waiting for a warm worker
        self.failures = 0

    def run(self, listener, alive_r):
        self.selector.register(listener, selectors.EVENT_READ, self._accept)
        self.selector.register(alive_r, selectors.EVENT_READ, self._parents_gone)
        self._refill()
        while True:
            for key, _ in self.selector.select(_REAP_INTERVAL):
                key.data(key.fileobj)
            self._reap(os.WNOHANG)

    def _parents_gone(self, alive_r):
        # EOF: no client process is left. Idle workers see their socket close and exit.
        assert os.read(alive_r, 1) == b"", "Not at EOF?"
        raise SystemExit

    def _accept(self, listener):
        from multiprocessing import reduction
        from multiprocessing.forkserver import MAXFDS_TO_SEND

        try:
            connection = listener.accept()[0]
        except ConnectionAbortedError:
            return
        with connection:
            fds = reduction.recvfds(connection, MAXFDS_TO_SEND + 1)
        if len(fds) > MAXFDS_TO_SEND:
            raise RuntimeError("Too many ({0:n}) fds to send".format(len(fds)))
        self.requests.append(fds)
        self._dispatch()

    def _dispatch(self):
        from multiprocessing import reduction
        from multiprocessing.forkserver import write_signed

        for worker in [w for w in self.workers if w.ready and w.child_w is None]:
            if not self.requests:
                break
            child_r, child_w, *fds = self.requests.pop(0)
            try:
                reduction.sendfds(worker.sock, [child_r, *fds])
            except OSError:  # it died while waiting: its hang-up is handled by the selector
                self.requests.insert(0, [child_r, child_w, *fds])
                worker.ready = False
                continue
            worker.child_w = child_w
            for fd in (child_r, *fds):
                os.close(fd)
            try:
                write_signed(child_w, worker.pid)
            except BrokenPipeError:
                pass  # the parent vanished; the worker finds its data pipe closed
        self._refill()

    def _refill(self):
        """Start workers until `size` are warm or warming up (they warm up while we serve)."""
        if self.failures >= _MAX_START_FAILURES:
            self.failures = 0
            for request in self.requests:  # their parents read EOF instead of a pid
                for fd in request:
                    os.close(fd)
            self.requests.clear()
            return
        while sum(1 for w in self.workers if w.child_w is None and w.sock is not None) < self.size:
            self._start_worker()

    def _start_worker(self):
        server_end, worker_end = socket.socketpair()
        try:
            pid = os.posix_spawn(self.command[0], self.command, os.environ,
                                 file_actions=[(os.POSIX_SPAWN_DUP2, worker_end.fileno(), _WORKER_FD),
                                               (os.POSIX_SPAWN_CLOSEFROM, _WORKER_FD + 1)],
                                 setsigdef=(signal.SIGINT,))
        finally:
            worker_end.close()
        worker = _Worker(pid, server_end)
        self.workers.append(worker)
        self.selector.register(server_end, selectors.EVENT_READ, lambda sock: self._worker_spoke(worker))

    def _worker_spoke(self, worker):
        try:
            message = worker.sock.recv(1)
        except OSError:
            message = b""
        if message == _READY:
            worker.ready = True
            self.failures = 0
            self._dispatch()
            return
        # it hung up: it ended (or closed its socket, then the periodic reaping finds its end)
        self.selector.unregister(worker.sock)
        worker.sock.close()
        worker.sock = None
        deadline = time.monotonic() + _EXIT_GRACE
        while not self._reap_one(worker, os.WNOHANG) and time.monotonic() < deadline:
            time.sleep(0.002)
        self._refill()

    def _reap(self, options):
        for worker in list(self.workers):
            self._reap_one(worker, options)

    def _reap_one(self, worker, options):
        """True when the worker ended: its parent gets the exit code as CPython's server sends it."""
        from multiprocessing.forkserver import write_signed

        pid, status = os.waitpid(worker.pid, options)
        if pid == 0:
            return False
        self.workers.remove(worker)
        if worker.sock is not None:
            self.selector.unregister(worker.sock)
            worker.sock.close()
        if worker.child_w is None:
            self.failures += 1
            print(f"graalpy-os forkserver: warm worker {pid} ended before serving "
                  f"(exit code {os.waitstatus_to_exitcode(status)})", file=sys.stderr, flush=True)
            self._refill()
            return True
        try:
            write_signed(worker.child_w, os.waitstatus_to_exitcode(status))
        except BrokenPipeError:
            pass  # the parent vanished
        os.close(worker.child_w)
        return True


def work(preload, main_path, sys_path):
    """A warm worker: preloads as CPython's server does, says it is ready, then serves one request
    as CPython's forked child does (forkserver._serve_one)."""
    from multiprocessing import forkserver, process, reduction, resource_tracker, spawn

    # SIGTERM and SIGHUP already have their default action (the launcher's, as python3's)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, fileno=_WORKER_FD)
    os.set_inheritable(_WORKER_FD, False)  # its hang-up tells the server we ended: only we hold it
    if preload:
        if sys_path is not None:
            sys.path[:] = sys_path
        if "__main__" in preload and main_path is not None:
            process.current_process()._inheriting = True
            try:
                spawn.import_main_path(main_path)
            finally:
                del process.current_process()._inheriting
        for module_name in preload:
            try:
                __import__(module_name)
            except ImportError:
                pass
    _warm_up()
    try:
        server.sendall(_READY)
        child_r, alive_w, tracker_fd, *inherited = reduction.recvfds(server, forkserver.MAXFDS_TO_SEND + 1)
    except (OSError, EOFError):
        sys.exit(0)  # the server ended before it handed us a process
    forkserver._forkserver._forkserver_alive_fd = alive_w
    resource_tracker._resource_tracker._fd = tracker_fd
    forkserver._forkserver._inherited_fds = inherited
    parent_sentinel = os.dup(child_r)
    sys.exit(spawn._main(child_r, parent_sentinel))


def _warm_up():
    """Runs once, before the worker says it is ready, the code a request runs first: pickling and
    reading preparation data, a Connection round trip. A new interpreter runs code slowly the
    first time (measured: see D12)."""
    from multiprocessing import connection, process, reduction, spawn

    data = spawn.get_preparation_data(process.current_process().name)
    del data["authkey"]  # an AuthenticationString pickles only for a process being started
    reader, writer = connection.Pipe(duplex=False)
    with reader, writer:
        writer.send(data)
        reduction.pickle.loads(reader.recv_bytes())
