package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker killed with SIGKILL in the middle of a multiprocessing Pool and of a
 * ProcessPoolExecutor, under both start methods. The expected output is python3's (CPython 3.11):
 * the Pool replaces the worker and loses its task (its result never comes), the executor is
 * broken (BrokenProcessPool), and the parent goes on working. One worker each: under spawn every
 * worker is a JVM start-up (four in all).
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class PoolFailureTest {
    private static final String SCRIPT = """
                        import concurrent.futures as cf, multiprocessing as mp, os, signal, sys, tempfile, time

                        def hang(path):
                            with open(path, "w") as f:
                                f.write(str(os.getpid()))
                            time.sleep(300)

                        def square(x):
                            return x * x

                        def pid_in(path, deadline):
                            while time.monotonic() < deadline:
                                try:
                                    with open(path) as f:
                                        text = f.read()
                                    if text:
                                        return int(text)
                                except FileNotFoundError:
                                    pass
                                time.sleep(0.05)
                            raise AssertionError("the worker did not start")

                        if __name__ == "__main__":
                            ctx = mp.get_context(sys.argv[1])
                            path = os.path.join(tempfile.mkdtemp(), "pid")
                            with ctx.Pool(1) as pool:
                                lost = pool.apply_async(hang, (path,))
                                others = pool.map_async(square, range(6))
                                victim = pid_in(path, time.monotonic() + 400)
                                os.kill(victim, signal.SIGKILL)
                                print("others", others.get(timeout=400))
                                try:
                                    print("lost", lost.get(timeout=5))
                                except mp.TimeoutError:
                                    print("lost TimeoutError")
                                print("replaced", victim not in [p.pid for p in pool._pool], len(pool._pool))
                                print("later map", pool.map(square, range(5)))
                            os.unlink(path)
                            with cf.ProcessPoolExecutor(1, mp_context=ctx) as executor:
                                future = executor.submit(hang, path)
                                victim = pid_in(path, time.monotonic() + 400)
                                os.kill(victim, signal.SIGKILL)
                                try:
                                    future.result(timeout=400)
                                except Exception as e:
                                    print("executor", type(e).__name__, e)
                                try:
                                    executor.submit(square, 3)
                                except Exception as e:
                                    print("submit after", type(e).__name__, e)
                            with cf.ProcessPoolExecutor(1, mp_context=ctx) as executor:
                                print("new executor", list(executor.map(square, range(4))))
                        """;

    private static final String CPYTHON_OUTPUT = """
                        others [0, 1, 4, 9, 16, 25]
                        lost TimeoutError
                        replaced True 1
                        later map [0, 1, 4, 9, 16]
                        executor BrokenProcessPool A process in the process pool was terminated abruptly while the future was running or pending.
                        submit after BrokenProcessPool A child process terminated abruptly, the process pool is not usable anymore
                        new executor [0, 1, 4, 9]
                        """;

    @Test
    void forkWorkers() throws Exception {
        Launcher.Result r = Launcher.script(540, Map.of(), SCRIPT, "fork");
        assertEquals(CPYTHON_OUTPUT, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void spawnWorkers() throws Exception {
        Launcher.Result r = Launcher.script(840, Map.of(), SCRIPT, "spawn");
        assertEquals(CPYTHON_OUTPUT, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }
}
