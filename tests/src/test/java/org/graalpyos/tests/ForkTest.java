package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * os.fork, os.register_at_fork and the JVM fork protocol, in real launcher processes: real
 * children, pipes, exit statuses and stderr. Each script checks several things to keep the
 * number of JVM start-ups low.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ForkTest {

    private static Launcher.Result python(String script) throws Exception {
        return Launcher.run("-c", script);
    }

    @Test
    void childExitStatusesPidsAndOutput() throws Exception {
        Launcher.Result r = python("""
                        import os, sys
                        parent = os.getpid()
                        r, w = os.pipe()
                        pid = os.fork()
                        if pid == 0:
                            os.write(w, f"{os.getppid() == parent} {os.getpid() != parent}".encode())
                            os._exit(7)
                        os.close(w)
                        said = os.read(r, 100).decode()
                        print(said, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        pid = os.fork()
                        if pid == 0:
                            print("child prints and exits through sys.exit")
                            sys.exit(5)
                        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        pid = os.fork()
                        if pid == 0:
                            import atexit
                            atexit.register(lambda: print("child atexit ran"))
                            print("child ends normally")
                        else:
                            print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        """);
        assertEquals("True True 7\nchild prints and exits through sys.exit\n5\nchild ends normally\nchild atexit ran\n0\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void registerAtForkValidatesLikeCPython() throws Exception {
        Launcher.Result r = python("""
                        import os
                        def error(**kw):
                            try:
                                os.register_at_fork(**kw)
                            except TypeError as e:
                                return str(e)
                        print(error())
                        print(error(before=None))
                        print(error(after_in_child=3))
                        print(error(after_in_parent="x"))
                        print(error(foo=print))
                        try:
                            os.register_at_fork(print)
                        except TypeError as e:
                            print(e)
                        calls = []
                        try:
                            os.register_at_fork(before=lambda: calls.append("b"), after_in_child=None)
                        except TypeError:
                            pass
                        pid = os.fork()
                        if pid == 0:
                            os._exit(0)
                        os.waitpid(pid, 0)
                        print("nothing registered by a rejected call:", calls)
                        """);
        assertEquals("""
                        At least one argument is required.
                        'before' must be callable, not NoneType
                        'after_in_child' must be callable, not int
                        'after_in_parent' must be callable, not str
                        'foo' is an invalid keyword argument for register_at_fork()
                        register_at_fork() takes no positional arguments
                        nothing registered by a rejected call: []
                        """, r.stdout());
    }

    @Test
    void hooksRunInCPythonsOrderAndErrorsGoToUnraisablehook() throws Exception {
        Launcher.Result r = python("""
                        import os, sys
                        r, w = os.pipe()
                        order = []
                        os.register_at_fork(before=lambda: order.append("b1"), after_in_parent=lambda: order.append("p1"),
                                            after_in_child=lambda: os.write(w, b"c1 "))
                        os.register_at_fork(before=lambda: order.append("b2"), after_in_parent=lambda: order.append("p2"),
                                            after_in_child=lambda: os.write(w, b"c2 "))
                        def bad():
                            raise ValueError("hook failed")
                        os.register_at_fork(before=bad)
                        seen = []
                        sys.unraisablehook = lambda args: seen.append((args.exc_type.__name__, args.object is bad))
                        events = []
                        sys.addaudithook(lambda event, args: events.append(event) if event == "os.fork" else None)
                        pid = os.fork()
                        if pid == 0:
                            os._exit(0)
                        os.waitpid(pid, 0)
                        os.close(w)
                        print(order, os.read(r, 100).decode().split(), seen, events)
                        def veto(event, args):
                            if event == "os.fork":
                                raise RuntimeError("vetoed")
                        sys.addaudithook(veto)
                        order.clear()
                        try:
                            os.fork()
                        except RuntimeError as e:
                            print(e, order)
                        """);
        assertEquals("['b2', 'b1', 'p1', 'p2'] ['c1', 'c2'] [('ValueError', True)] ['os.fork']\nvetoed []\n", r.stdout());
    }

    @Test
    void multiThreadedParentGetsCPythonsDeprecationWarningAndTheChildHasOneThread() throws Exception {
        Launcher.Result r = python("""
                        import os, threading, warnings, time
                        warnings.simplefilter("always")
                        with warnings.catch_warnings(record=True) as quiet:
                            pid = os.fork()
                            if pid == 0:
                                os._exit(0)
                            os.waitpid(pid, 0)
                        print("single-threaded warnings:", len(quiet))
                        stop = threading.Event()
                        t = threading.Thread(target=stop.wait)
                        t.start()
                        r, w = os.pipe()
                        with warnings.catch_warnings(record=True) as caught:
                            pid = os.fork()
                            if pid == 0:
                                alive = threading.active_count()
                                worker = threading.Thread(target=lambda: None)
                                worker.start()
                                worker.join()
                                os.write(w, f"{alive} {threading.current_thread() is threading.main_thread()} {len(caught)}".encode())
                                os._exit(0)
                            os.waitpid(pid, 0)
                        stop.set()
                        t.join()
                        os.close(w)
                        print("child:", os.read(r, 100).decode())
                        print(caught[0].category.__name__, str(caught[0].message) == f"This process (pid={os.getpid()}) is multi-threaded, use of fork() may lead to deadlocks in the child.")
                        """);
        assertEquals("single-threaded warnings: 0\nchild: 1 True 0\nDeprecationWarning True\n", r.stdout());
    }

    @Test
    void locksImportLockAndPrngsAfterFork() throws Exception {
        Launcher.Result r = python("""
                        import os, threading, random, uuid, _imp
                        lock = threading.Lock()
                        rlock = threading.RLock()
                        holder_has_them = threading.Event()
                        release = threading.Event()
                        def hold():
                            with lock, rlock:
                                holder_has_them.set()
                                release.wait()
                        t = threading.Thread(target=hold)
                        t.start()
                        holder_has_them.wait()
                        import warnings
                        warnings.simplefilter("ignore")
                        values = (random.random(), str(uuid.uuid4()))
                        r, w = os.pipe()
                        _imp.acquire_lock()
                        _imp.acquire_lock()
                        pid = os.fork()
                        if pid == 0:
                            # held by a thread that does not exist here: CPython resets them with _at_fork_reinit
                            lock._at_fork_reinit()
                            rlock._at_fork_reinit()
                            got = lock.acquire(timeout=1) and rlock.acquire(timeout=1)
                            # the import lock kept this thread's nesting (two levels here)
                            _imp.release_lock(); _imp.release_lock()
                            released = not _imp.lock_held()
                            import json  # imports still work
                            mine = (random.random(), str(uuid.uuid4()))
                            os.write(w, f"{got} {released} {mine[0] != values[0]} {mine[1] != values[1]}".encode())
                            os._exit(0)
                        _imp.release_lock(); _imp.release_lock()
                        os.waitpid(pid, 0)
                        release.set()
                        t.join()
                        os.close(w)
                        print(os.read(r, 100).decode())
                        """);
        assertEquals("True True True True\n", r.stdout());
    }

    @Test
    void ptyForkGivesTheChildANewSessionWithTheTtyAsStdout() throws Exception {
        Launcher.Result r = python("""
                        import os, pty, sys
                        pid, fd = pty.fork()
                        if pid == 0:
                            print("tty", os.isatty(1), "session leader", os.getsid(0) == os.getpid())
                            sys.stdout.flush()
                            os._exit(3)
                        out = b""
                        while True:
                            try:
                                data = os.read(fd, 1000)
                            except OSError:  # EIO once the child closed its side
                                break
                            if not data:
                                break
                            out += data
                        print(repr(out), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        """);
        assertEquals("b'tty True session leader True\\r\\n' 3\n", r.stdout());
    }

    @Test
    void forkThenExecve() throws Exception {
        Launcher.Result r = python("""
                        import os
                        pid = os.fork()
                        if pid == 0:
                            os.execve("/bin/sh", ["sh", "-c", "echo execd with $X; exit 3"], {"X": "env"})
                        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        """);
        assertEquals("execd with env\n3\n", r.stdout());
    }

    @Test
    void aChildThatOutgrowsTheJvmExitsLoudlyWithItsStatusInsteadOfHanging() throws Exception {
        Launcher.Result r = python("""
                        import os
                        pid = os.fork()
                        if pid == 0:
                            hoard = []
                            while True:  # far more than the eden space a forked JVM has
                                hoard.append(bytearray(1 << 20))
                        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        """);
        assertEquals("71\n", r.stdout());
        assertTrue(r.stderr().startsWith("graalpy-os: forked child exits with status 71: the JVM needs a garbage collection"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }

    /**
     * A humongous allocation (an object of half a G1 region or more) makes G1 ask for a concurrent
     * cycle when old and humongous regions are above the initiating threshold: a VM operation the
     * child cannot run. Under G1's adaptive threshold this child exited 73 (2 runs of 2); 240 MB of
     * humongous regions fit in what the child has.
     */
    @Test
    void aChildsLargeObjectsDoNotDependOnTheParentsOldGeneration() throws Exception {
        Launcher.Result r = python("""
                        import gc, os
                        live = [bytes(1000) + str(i).encode() for i in range(30_000)]
                        for _ in range(3):
                            gc.collect()
                        pid = os.fork()
                        if pid == 0:
                            recent = []
                            for i in range(60):
                                recent.append(b'x' * (3 << 20))
                                del recent[:-4]
                            os._exit(0)
                        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), len(live))
                        """);
        assertEquals("", r.stderr());
        assertEquals("0 30000\n", r.stdout());
    }

    @Test
    void forksSucceedWhileOtherPythonThreadsAreBusy() throws Exception {
        Launcher.Result r = python("""
                        import os, threading, warnings
                        warnings.simplefilter("ignore")
                        stop = False
                        def busy():
                            n = 0
                            while not stop:
                                n += len(str(n))
                        threads = [threading.Thread(target=busy) for _ in range(2)]
                        for t in threads:
                            t.start()
                        statuses = []
                        for i in range(3):
                            pid = os.fork()
                            if pid == 0:
                                os._exit(i)
                            statuses.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        stop = True
                        for t in threads:
                            t.join()
                        print(statuses, len(os.listdir("/proc/self/task")) > 2)
                        """);
        assertEquals("[0, 1, 2] True\n", r.stdout());
    }

    @Test
    void forkIsRefusedBeforeAnyHookUnderZgcAndAbsentWithNoFork() throws Exception {
        Launcher.Result zgc = Launcher.run(null, Map.of("GRAALPY_OS_JAVA_OPTS", "-XX:+UseZGC"), "-c", """
                        import os
                        ran = []
                        os.register_at_fork(before=lambda: ran.append(1))
                        try:
                            os.fork()
                        except RuntimeError as e:
                            print("ZGC" in str(e), ran)
                        """);
        assertEquals("True []\n", zgc.stdout());
        Launcher.Result off = Launcher.run("-X", "no_fork", "-c", "import os; print(hasattr(os, 'fork'), hasattr(os, 'posix_spawn'))");
        assertEquals("False True\n", off.stdout());
    }

    @Test
    void childForkedFromAThreadEndsWithStatusZeroWhenThatThreadEnds() throws Exception {
        // CPython: the forking thread is the child's only thread; when it returns the process exits 0
        Launcher.Result r = python("""
                        import os, sys, threading
                        def forks():
                            pid = os.fork()
                            if pid == 0:
                                main = threading.main_thread()
                                print(main.name, main.ident == threading.get_ident(), flush=True)
                            else:
                                print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        thread = threading.Thread(target=forks)
                        thread.start()
                        thread.join()
                        """);
        assertEquals("Thread-1 (forks) True\n0\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void atexitCallbackMayForkAndTheChildRunsTheRemainingCallbacks() throws Exception {
        // CPython 3.12 runs atexit before it is "finalizing": fork is allowed there (bpo-42350)
        Launcher.Result r = python("""
                        import atexit, os, sys, threading
                        atexit.register(lambda: print(os.getpid() == parent and "parent last" or "child last", flush=True))
                        def forks():
                            pid = os.fork()
                            if pid:
                                print("child status", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
                        atexit.register(forks)
                        parent = os.getpid()
                        """);
        assertEquals("child last\nchild status 0\nparent last\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void loggingLocksHeldByAnotherThreadAtForkAreReinitializedInTheChild() throws Exception {
        // CPython's test_logging test_post_fork_child_no_deadlock (the 3.11 file no longer imports on 3.12)
        Launcher.Result r = python("""
                        import logging, os, secrets, sys, threading, warnings
                        warnings.simplefilter("ignore")
                        handler = logging.StreamHandler(sys.stdout)
                        logger = logging.getLogger("forked")
                        logger.addHandler(handler)
                        logger.propagate = False
                        holding = threading.Event()
                        release = threading.Event()
                        def hold_locks():
                            with logging._lock:  # the module lock, as the CPython test holds it
                                handler.acquire()
                                try:
                                    holding.set()
                                    # as CPython's test: logging's before-fork hook waits for the module lock
                                    release.wait(0.5)
                                finally:
                                    handler.release()
                        thread = threading.Thread(target=hold_locks)
                        thread.start()
                        holding.wait()
                        token = secrets.token_bytes(16)
                        r, w = os.pipe()
                        pid = os.fork()
                        if pid == 0:
                            logger.warning("child logs")  # would deadlock on the handler lock without the at-fork reinit
                            handler.flush()
                            os.write(w, b"same" if secrets.token_bytes(16) == token else b"differs")
                            os._exit(0)
                        release.set()
                        thread.join()
                        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
                        os.close(w)
                        print("child", status, "token", os.read(r, 10).decode())
                        """);
        assertEquals("child logs\nchild 0 token differs\n", r.stdout());
    }

    @Test
    void forkedChildGetsSignalsAsACPythonChildDoes() throws Exception {
        // the JVM's Signal Dispatcher thread is not in a forked child: graalpy-os dispatches for it
        Launcher.Result r = python("""
                        import os, signal, time
                        signal.signal(signal.SIGHUP, signal.SIG_DFL)  # children inherit it: the tests may run under nohup
                        def child_status(body):
                            r, w = os.pipe()
                            pid = os.fork()
                            if pid == 0:
                                body(w)
                                os._exit(3)
                            os.read(r, 1)
                            return pid, r
                        def waits(w):
                            os.write(w, b"x")
                            time.sleep(20)
                        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
                            pid, _ = child_status(waits)
                            os.kill(pid, sig)
                            status = os.waitpid(pid, 0)[1]
                            print(signal.Signals(sig).name, os.WIFSIGNALED(status) and os.WTERMSIG(status) == sig)
                        def handles(w):
                            got = []
                            signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
                            os.write(w, b"x")
                            deadline = time.time() + 20
                            while not got and time.time() < deadline:
                                time.sleep(0.01)
                            os.write(w, b"handled" if got == [signal.SIGUSR1] else b"missed")
                            os._exit(0)
                        pid, r = child_status(handles)
                        os.kill(pid, signal.SIGUSR1)
                        print("SIGUSR1", os.read(r, 10).decode(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        # a spawned program blocks no signal (the JVM's threads block SIGQUIT)
                        pid = os.posix_spawn("/bin/sleep", ["sleep", "20"], os.environ)
                        print([line.split()[1] for line in open(f"/proc/{pid}/status") if line.startswith("SigBlk")])
                        os.kill(pid, signal.SIGKILL)
                        os.waitpid(pid, 0)
                        """);
        assertEquals("SIGTERM True\nSIGHUP True\nSIGQUIT True\nSIGUSR1 handled 0\n['0000000000000000']\n", r.stdout());
    }

    @Test
    void ptySpawnRunsTheProgramOnANewControllingTtyWithoutForkingTheJvm() throws Exception {
        Launcher.Result r = python("""
                        import os, pty, sys
                        forks = []
                        os.register_at_fork(before=lambda: forks.append(1))
                        status = pty.spawn(["/bin/sh", "-c", "tty >/dev/null && echo tty; test $$ = $(ps -o sid= -p $$) && echo leader; exit 5"])
                        print("status", os.waitstatus_to_exitcode(status), "jvm forks", len(forks), file=sys.stderr)
                        # a program that cannot start: CPython's path (fork, the child's exec error on the tty, status 1)
                        status = pty.spawn(["/nonexistent-program"])
                        print("status", os.waitstatus_to_exitcode(status), "jvm forks", len(forks), file=sys.stderr)
                        """);
        assertEquals("tty\r\nleader\r\n", r.stdout().substring(0, r.stdout().indexOf("leader") + 8));
        assertTrue(r.stdout().contains("FileNotFoundError"), r.stdout());
        assertTrue(r.stderr().startsWith("status 5 jvm forks 0\n") && r.stderr().endsWith("status 1 jvm forks 1\n"), r.stderr());
    }
}
