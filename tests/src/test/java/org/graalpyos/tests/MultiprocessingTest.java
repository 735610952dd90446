package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * multiprocessing's start methods, ProcessPoolExecutor and socketserver's ForkingMixIn in real
 * launcher processes. Scripts are files (spawn's children import the main module by path); each
 * checks several things, because every spawned worker is a JVM start-up of several seconds.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class MultiprocessingTest {

    private static Launcher.Result script(String source) throws Exception {
        return Launcher.script(540, Map.of(), source);
    }

    /**
     * Process, Pipe, Queue, Lock, Pool, exit codes and the given ways to stop a child under one start
     * method.
     */
    private static String startMethodScript(String method, String stops) {
        return """
                        import multiprocessing as mp, os, signal, sys, time

                        def report(queue, lock):
                            with lock:
                                queue.put((os.getpid(), os.getppid()))

                        def send(conn):
                            conn.send([1, "two", 3.0])
                            conn.close()

                        def exit_with(code):
                            sys.exit(code)

                        def fail():
                            raise ValueError("in child")

                        def sleep():
                            time.sleep(300)

                        def square(x):
                            return x * x

                        if __name__ == "__main__":
                            ctx = mp.get_context("METHOD")
                            queue, lock = ctx.Queue(), ctx.Lock()
                            p = ctx.Process(target=report, args=(queue, lock))
                            p.start()
                            pid, ppid = queue.get(timeout=300)
                            p.join()
                            print("queue", pid == p.pid, ppid == os.getpid(), p.exitcode)
                            reader, writer = ctx.Pipe(duplex=False)
                            p = ctx.Process(target=send, args=(writer,))
                            p.start()
                            writer.close()
                            print("pipe", reader.recv())
                            p.join()
                            codes = []
                            for target, args in ((exit_with, (3,)), (fail, ())):
                                p = ctx.Process(target=target, args=args)
                                p.start()
                                p.join()
                                codes.append(p.exitcode)
                            print("exit codes", codes)
                            for stop, signum in STOPS:
                                p = ctx.Process(target=sleep)
                                p.start()
                                getattr(p, stop)()
                                p.join(60)
                                print(stop, p.exitcode == -signum)
                            with ctx.Pool(2) as pool:
                                print("pool", sum(pool.map(square, range(1000))), pool.apply(os.getpid) != os.getpid())
                            print("children left", mp.active_children())
                        """.replace("METHOD", method).replace("STOPS", stops);
    }

    private static final String START_METHOD_OUTPUT = """
                    queue True True 0
                    pipe [1, 'two', 3.0]
                    exit codes [3, 1]
                    STOPPED
                    pool 332833500 True
                    children left []
                    """;

    @Test
    void startMethodsAreCPythonsAndSpawnIsTheDefault() throws Exception {
        Launcher.Result r = Launcher.run("-c", """
                        import multiprocessing as mp, sys
                        print(mp.get_all_start_methods(), mp.get_start_method())
                        print(sorted(m for m in sys.modules if m.startswith("multiprocessing"))[:1])
                        """);
        assertEquals("['spawn', 'fork', 'forkserver'] spawn\n['multiprocessing']\n", r.stdout());
        Launcher.Result noFork = Launcher.run("-X", "no_fork", "-c", "import multiprocessing as mp; print(mp.get_all_start_methods())");
        assertEquals("['spawn', 'forkserver']\n", noFork.stdout());
        Launcher.Result untouched = Launcher.run("-c", "import sys; print('multiprocessing' in sys.modules)");
        assertEquals("False\n", untouched.stdout(), "start-up must not import multiprocessing");
    }

    @Test
    void forkStartMethod() throws Exception {
        Launcher.Result r = script(startMethodScript("fork", "((\"terminate\", signal.SIGTERM), (\"kill\", signal.SIGKILL))"));
        assertEquals(START_METHOD_OUTPUT.replace("STOPPED", "terminate True\nkill True"), r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
        // the failing child's traceback, nothing else (no semaphore leak warnings, no resource tracker)
        assertEquals(1, r.stderr().split("Traceback").length - 1, r.stderr());
    }

    @Test
    void spawnStartMethod() throws Exception {
        Launcher.Result r = script(startMethodScript("spawn", "((\"terminate\", signal.SIGTERM), (\"kill\", signal.SIGKILL))"));
        assertEquals(START_METHOD_OUTPUT.replace("STOPPED", "terminate True\nkill True"), r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().split("Traceback").length - 1, r.stderr());
    }

    /** The worker's parent is the server, as under CPython's forkserver. */
    @Test
    void forkserverStartMethod() throws Exception {
        Launcher.Result r = script(startMethodScript("forkserver", "((\"terminate\", signal.SIGTERM), (\"kill\", signal.SIGKILL))"));
        assertEquals(START_METHOD_OUTPUT.replace("queue True True 0", "queue True False 0").replace("STOPPED", "terminate True\nkill True"),
                        r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().split("Traceback").length - 1, r.stderr());
    }

    /**
     * set_forkserver_preload's modules are imported by the warm workers before a request (the
     * target finds them imported without importing them), and the server and its idle workers end
     * when their parent does.
     */
    @Test
    void forkserverPreloadsAndEndsWithItsParent() throws Exception {
        Launcher.Result r = script("""
                        import multiprocessing as mp, os, sys
                        from multiprocessing import forkserver

                        def preloaded(queue):
                            queue.put(("colorsys" in sys.modules, "__mp_main__" in sys.modules))

                        def children(pid):
                            found = []
                            for entry in os.listdir("/proc"):
                                try:
                                    with open(f"/proc/{entry}/stat") as f:
                                        if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                                            found.append(int(entry))
                                except (OSError, ValueError, IndexError):
                                    pass
                            return found

                        if __name__ == "__main__":
                            ctx = mp.get_context("forkserver")
                            ctx.set_forkserver_preload(["__main__", "colorsys"])
                            queue = ctx.Queue()
                            p = ctx.Process(target=preloaded, args=(queue,))
                            p.start()
                            print("preloaded", queue.get(timeout=300))
                            p.join()
                            server = forkserver._forkserver._forkserver_pid
                            print("pids", server, *children(server))
                        """);
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals("preloaded (True, True)", lines[0], r.stdout() + r.stderr());
        List<Long> pids = Arrays.stream(lines[1].split(" ")).skip(1).map(Long::parseLong).toList();
        assertTrue(pids.size() >= 2, "the server and a refilled warm worker: " + lines[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (pids.stream().anyMatch(MultiprocessingTest::running) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), pids.stream().filter(MultiprocessingTest::running).toList(), "server and pool outlived their parent");
    }

    /** Exists and is not a zombie (an orphan's zombie waits for init, which may be slow to reap). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void processPoolExecutorWithForkAndSpawnAndMaxTasksPerChild() throws Exception {
        Launcher.Result r = script("""
                        import multiprocessing as mp, os
                        from concurrent.futures import ProcessPoolExecutor

                        def square(x):
                            return x * x

                        def pid(_):
                            return os.getpid()

                        if __name__ == "__main__":
                            with ProcessPoolExecutor(2, mp_context=mp.get_context("fork")) as ex:
                                print("fork", sum(ex.map(square, range(200))))
                            try:
                                ProcessPoolExecutor(1, mp_context=mp.get_context("fork"), max_tasks_per_child=1)
                            except ValueError as e:
                                print("ValueError", e)
                            with ProcessPoolExecutor(1, max_tasks_per_child=2) as ex:
                                print("spawn context", ex._mp_context.get_start_method())
                                pids = [ex.submit(pid, i).result() for i in range(3)]
                                print("workers", len(set(pids)), os.getpid() not in pids)
                        """);
        assertEquals("""
                        fork 2646700
                        ValueError max_tasks_per_child is incompatible with the 'fork' multiprocessing start method; supply a different mp_context.
                        spawn context spawn
                        workers 2 True
                        """, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    /**
     * ProcessPoolExecutor over the warm-worker forkserver: results, a worker's exception, and
     * max_tasks_per_child replacing a worker (each a new warm interpreter whose parent is the server).
     */
    @Test
    void processPoolExecutorWithForkserverAndMaxTasksPerChild() throws Exception {
        Launcher.Result r = script("""
                        import multiprocessing as mp, os
                        from concurrent.futures import ProcessPoolExecutor

                        def square(x):
                            return x * x

                        def fail():
                            raise KeyError("in worker")

                        def ids(_):
                            return os.getpid(), os.getppid()

                        if __name__ == "__main__":
                            ctx = mp.get_context("forkserver")
                            with ProcessPoolExecutor(2, mp_context=ctx) as ex:
                                print("map", sum(ex.map(square, range(200))))
                                try:
                                    ex.submit(fail).result()
                                except KeyError as e:
                                    print("KeyError", e)
                            with ProcessPoolExecutor(1, mp_context=ctx, max_tasks_per_child=2) as ex:
                                workers = [ex.submit(ids, i).result() for i in range(5)]
                            pids, parents = {pid for pid, _ in workers}, {ppid for _, ppid in workers}
                            print("workers", len(pids), os.getpid() not in pids, parents != {os.getpid()}, len(parents))
                            print("children left", mp.active_children())
                        """);
        assertEquals("""
                        map 2646700
                        KeyError 'in worker'
                        workers 3 True True 1
                        children left []
                        """, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void forkingTcpServerServesEachRequestInAChildAndReapsIt() throws Exception {
        Launcher.Result r = script("""
                        import os, socket, socketserver, threading

                        class Handler(socketserver.StreamRequestHandler):
                            def handle(self):
                                self.wfile.write(f"{os.getpid()} {self.rfile.readline().decode().strip()}\\n".encode())

                        server = socketserver.ForkingTCPServer(("127.0.0.1", 0), Handler)
                        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
                        thread.start()
                        replies = []
                        for i in range(3):
                            with socket.create_connection(server.server_address, timeout=60) as s:
                                s.sendall(f"req{i}\\n".encode())
                                replies.append(s.makefile().readline().split())
                        server.shutdown()
                        thread.join()
                        server.server_close()
                        pids = {int(pid) for pid, _ in replies}
                        print([text for _, text in replies], len(pids), os.getpid() in pids)
                        print("reaped", not server.active_children)
                        """);
        assertEquals("['req0', 'req1', 'req2'] 3 False\nreaped True\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }
}
