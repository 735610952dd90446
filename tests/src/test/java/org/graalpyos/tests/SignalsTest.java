package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Signals around process creation in real launcher processes: SIGINT during the waits (PEP 475),
 * SIGCHLD, SIGPIPE in children. The expected outputs are python3's (CPython 3.11) for the same
 * scripts; the signals come from other processes and threads.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SignalsTest {

    @Test
    void sigintInterruptsEveryWaitWithKeyboardInterruptAndAReturningHandlerLetsItGoOn() throws Exception {
        Launcher.Result r = Launcher.script(240, Map.of(), """
                        import os, signal, sys, threading

                        def blocked_child():
                            # a child that exits only once its stdin pipe is closed: (pid, write end)
                            r, w = os.pipe()
                            pid = os.posix_spawn("/bin/sh", ["sh", "-c", "read x; exit 7"], os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, r, 0)])
                            os.close(r)
                            return pid, w

                        def sigint_from_another_process():
                            # a kill(1) process started, and reaped, by a thread: the main thread's wait sees only its child
                            killer = os.posix_spawn("/bin/sh", ["sh", "-c", f"sleep 0.3; kill -INT {os.getpid()}"], os.environ)
                            thread = threading.Thread(target=os.waitpid, args=(killer, 0))
                            thread.start()
                            return thread

                        def sigint_from_a_timer_thread():
                            # os.wait() would reap a kill(1) process: the signal comes from this process
                            thread = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
                            thread.start()
                            return thread

                        WAITS = {
                            "waitpid": lambda pid: os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]),
                            "wait": lambda pid: os.waitstatus_to_exitcode(os.wait()[1]),
                            "wait4": lambda pid: os.waitstatus_to_exitcode(os.wait4(pid, 0)[1]),
                            "waitid": lambda pid: os.waitid(os.P_PID, pid, os.WEXITED).si_status,
                        }

                        print("SIGINT handler", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
                        for name, wait in WAITS.items():
                            pid, w = blocked_child()
                            sender = (sigint_from_a_timer_thread if name == "wait" else sigint_from_another_process)()
                            try:
                                outcome = f"returned {wait(pid)}"
                            except KeyboardInterrupt:
                                outcome = "KeyboardInterrupt"
                            sender.join()
                            still_waitable = os.waitpid(pid, os.WNOHANG) == (0, 0)
                            os.close(w)
                            print(name, outcome, "child left running:", still_waitable, "then", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

                        # a handler that returns: the wait goes on (PEP 475) and returns once the child exits, which
                        # it does only because the handler, run during the wait, closes its stdin
                        for name, wait in WAITS.items():
                            pid, w = blocked_child()
                            seen = []
                            def release(signum, frame):
                                seen.append(signum)
                                os.close(w)
                            signal.signal(signal.SIGINT, release)
                            sender = (sigint_from_a_timer_thread if name == "wait" else sigint_from_another_process)()
                            print(name, "returned", wait(pid), "handler", seen)
                            sender.join()
                            signal.signal(signal.SIGINT, signal.default_int_handler)

                        # an uncaught KeyboardInterrupt ends the interpreter by SIGINT
                        import subprocess
                        print("uncaught", subprocess.run([sys.executable, "-c", "raise KeyboardInterrupt"], capture_output=True).returncode)
                        """);
        assertEquals("""
                        SIGINT handler True
                        waitpid KeyboardInterrupt child left running: True then 7
                        wait KeyboardInterrupt child left running: True then 7
                        wait4 KeyboardInterrupt child left running: True then 7
                        waitid KeyboardInterrupt child left running: True then 7
                        waitpid returned 7 handler [2]
                        wait returned 7 handler [2]
                        wait4 returned 7 handler [2]
                        waitid returned 7 handler [2]
                        uncaught -2
                        """, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    /** signal.set_wakeup_fd's fd gets the signal's byte when a signal with a Python handler arrives (GraalPy's never wrote it). */
    @Test
    void theWakeupFdWakesASelectAndHandlersAreReportedAsUnderPython3() throws Exception {
        String source = """
                        import os, select, signal, time
                        r, w = os.pipe()
                        os.set_blocking(w, False)
                        print(signal.set_wakeup_fd(w))
                        seen = []
                        signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))
                        os.kill(os.getpid(), signal.SIGUSR1)
                        print("own signal", select.select([r], [], [], 20)[0] == [r], os.read(r, 10))
                        signal.signal(signal.SIGUSR2, lambda signum, frame: seen.append(signum))
                        pid = os.posix_spawn("/bin/sh", ["sh", "-c", f"sleep 0.5; kill -USR2 {os.getpid()}"], os.environ)
                        print("another process's signal", select.select([r], [], [], 20)[0] == [r], os.read(r, 10))
                        os.waitpid(pid, 0)
                        deadline = time.monotonic() + 20
                        while len(seen) < 2 and time.monotonic() < deadline:
                            time.sleep(0.01)
                        print("handlers ran", seen)
                        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
                        os.kill(os.getpid(), signal.SIGUSR1)
                        print("ignored signal", select.select([r], [], [], 0.5)[0])
                        print(signal.set_wakeup_fd(-1) == w)
                        handler = lambda signum, frame: None
                        print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
                        print(signal.signal(signal.SIGUSR1, handler), signal.getsignal(signal.SIGUSR1) is handler)
                        print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler, signal.getsignal(signal.SIGUSR1))
                        print(signal.signal(signal.SIGUSR1, handler), signal.signal(signal.SIGUSR1, handler) is handler)
                        try:
                            signal.signal(signal.SIGUSR1, 5)
                        except TypeError as e:
                            print(e)
                        print(signal.getsignal(signal.SIGUSR1) is handler)
                        """;
        String expected = Launcher.python3(source);
        Launcher.Result r = Launcher.script(120, Map.of(), source);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    /** SIGQUIT, which HotSpot keeps for itself: SIG_IGN and SIG_DFL act as python3's (also in a forked child), a handler is accepted. */
    @Test
    void sigquitDispositionsAsUnderPython3() throws Exception {
        String source = """
                        import os, resource, signal, subprocess, sys, threading
                        print(signal.getsignal(signal.SIGQUIT))
                        print(signal.signal(signal.SIGQUIT, signal.SIG_IGN))
                        os.kill(os.getpid(), signal.SIGQUIT)
                        print("alive after an ignored SIGQUIT", signal.getsignal(signal.SIGQUIT))
                        handler = lambda signum, frame: None
                        print(signal.signal(signal.SIGQUIT, handler), signal.getsignal(signal.SIGQUIT) is handler)
                        for bad in (5, None, "x"):
                            try:
                                signal.signal(signal.SIGQUIT, bad)
                            except TypeError as e:
                                print(type(e).__name__, e)
                        print(signal.signal(signal.SIGQUIT, signal.SIG_DFL) is handler, signal.getsignal(signal.SIGQUIT))
                        signal.signal(signal.SIGQUIT, signal.SIG_IGN)
                        pid = os.fork()
                        if pid == 0:
                            os.kill(os.getpid(), signal.SIGQUIT)
                            os._exit(7)
                        print("forked child with SIGQUIT ignored", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        signal.signal(signal.SIGQUIT, signal.SIG_DFL)
                        pid = os.fork()
                        if pid == 0:
                            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
                            os.kill(os.getpid(), signal.SIGQUIT)
                            os._exit(7)
                        print("forked child with SIGQUIT default", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        def from_a_thread():
                            try:
                                signal.signal(signal.SIGQUIT, signal.SIG_IGN)
                            except ValueError as e:
                                print(type(e).__name__, e)
                        thread = threading.Thread(target=from_a_thread)
                        thread.start()
                        thread.join()
                        """;
        String expected = Launcher.python3(source);
        Launcher.Result r = Launcher.script(120, Map.of(), source);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void sigchldHandlersRunAndChildrenGetSigpipeAsUnderPython3() throws Exception {
        Launcher.Result r = Launcher.script(240, Map.of(), """
                        import os, signal, subprocess, sys, time

                        def until(condition):
                            deadline = time.monotonic() + 60
                            while not condition() and time.monotonic() < deadline:
                                time.sleep(0.01)  # handlers run on the main thread, between bytecodes and in sleeps
                            return condition()

                        chld = []
                        signal.signal(signal.SIGCHLD, lambda signum, frame: chld.append(signum))
                        pid = os.posix_spawn("/bin/true", ["true"], {})
                        print("SIGCHLD after posix_spawn child exit", until(lambda: chld) and set(chld), os.waitpid(pid, 0)[1])
                        chld.clear()
                        pid = os.fork()
                        if pid == 0:
                            os._exit(3)
                        # (a set: our first fork also ends helper processes of its own, each a SIGCHLD)
                        print("SIGCHLD after forked child exit", until(lambda: chld) and set(chld), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        signal.signal(signal.SIGCHLD, signal.SIG_DFL)

                        print("SIGPIPE", signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN)
                        r = subprocess.run("yes | head -1", shell=True, capture_output=True, timeout=60)
                        print("yes | head -1:", r.returncode, r.stdout, r.stderr)

                        def ignored_in_child(**kwargs):
                            out = subprocess.run(["grep", "SigIgn", "/proc/self/status"], capture_output=True, text=True, **kwargs).stdout
                            mask = int(out.split()[1], 16)
                            return [name for name in ("SIGPIPE", "SIGXFSZ") if mask >> (getattr(signal, name) - 1) & 1]

                        print("ignored in subprocess child", ignored_in_child(), "with restore_signals=False", ignored_in_child(restore_signals=False))

                        def writer_into_closed_pipe(**kwargs):
                            r, w = os.pipe()
                            os.close(r)
                            pid = os.posix_spawn("/bin/sh", ["sh", "-c", "i=0; while [ $i -lt 100 ]; do echo x; i=$((i+1)); done; exit 9"], os.environ,
                                                 file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)], **kwargs)
                            os.close(w)
                            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])

                        print("posix_spawn child writing into a closed pipe", writer_into_closed_pipe(), "with setsigdef", writer_into_closed_pipe(setsigdef=[signal.SIGPIPE]))
                        r, w = os.pipe()
                        os.close(r)
                        pid = os.fork()
                        if pid == 0:
                            try:
                                os.write(w, b"x")
                                os._exit(0)
                            except BrokenPipeError:
                                os._exit(32)
                        os.close(w)
                        print("forked child writing into a closed pipe", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

                        # SIGINT in a forked child blocked in waitpid: KeyboardInterrupt there too
                        pid = os.fork()
                        if pid == 0:
                            grandchild = os.posix_spawn("/bin/sleep", ["sleep", "60"], {})
                            killer = os.posix_spawn("/bin/sh", ["sh", "-c", f"sleep 0.3; kill -INT {os.getpid()}"], {})
                            try:
                                os.waitpid(grandchild, 0)
                                os._exit(1)
                            except KeyboardInterrupt:
                                os.kill(grandchild, signal.SIGKILL)
                                os.waitpid(grandchild, 0)
                                os.waitpid(killer, 0)
                                os._exit(42)
                        print("forked child interrupted in waitpid", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                        """);
        assertEquals("""
                        SIGCHLD after posix_spawn child exit {17} 0
                        SIGCHLD after forked child exit {17} 3
                        SIGPIPE True
                        yes | head -1: 0 b'y\\n' b''
                        ignored in subprocess child [] with restore_signals=False ['SIGPIPE', 'SIGXFSZ']
                        posix_spawn child writing into a closed pipe 9 with setsigdef -13
                        forked child writing into a closed pipe 32
                        forked child interrupted in waitpid 42
                        """, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void sigtermAndSighupKillTheLauncherAsTheyKillPython3UnlessIgnoredAtStart() throws Exception {
        Launcher.Result r = Launcher.script(240, Map.of(), """
                        import signal, subprocess, sys
                        signal.signal(signal.SIGHUP, signal.SIG_DFL)  # children inherit it: the tests may run under nohup
                        sleeper = [sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(60)"]
                        for name, signum in (("SIGTERM", 15), ("SIGHUP", 1)):
                            p = subprocess.Popen(sleeper, stdout=subprocess.PIPE)
                            p.stdout.readline()
                            p.send_signal(signum)
                            print(name, p.wait())
                        quoted = " ".join(f"'{arg}'" for arg in sleeper[:2]) + ' "import time; print(1, flush=True); time.sleep(2)"'
                        p = subprocess.Popen(["/bin/sh", "-c", f"trap '' HUP; exec {quoted}"], stdout=subprocess.PIPE)
                        p.stdout.readline()
                        p.send_signal(1)
                        print("SIGHUP ignored at start", p.wait())
                        """);
        assertEquals("""
                        SIGTERM -15
                        SIGHUP -1
                        SIGHUP ignored at start 0
                        """, r.stdout(), r.stderr());
    }

    /** HotSpot refuses handlers for an ignored SIGHUP/SIGINT/SIGTERM and GraalPy's SIG_DFL alternated with the JVM's shutdown. */
    @Test
    void shutdownSignalsTakeEveryDispositionAsUnderPython3() throws Exception {
        Launcher.Result r = Launcher.script(240, Map.of(), """
                        import subprocess, sys
                        child = \"""
                        import os, signal, sys, time
                        signum, sequence = int(sys.argv[1]), sys.argv[2]
                        handlers = {"d": signal.SIG_DFL, "i": signal.SIG_IGN, "k": signal.default_int_handler,
                                    "h": lambda *args: print("handler ran", flush=True)}
                        for step in sequence:
                            signal.signal(signum, handlers[step])
                        os.kill(os.getpid(), signum)
                        time.sleep(1)
                        print("survived")
                        \"""
                        for signum, sequence in ((15, "d"), (15, "dd"), (15, "id"), (15, "ih"), (15, "i"), (1, "idd"), (2, "id"),
                                                 (2, "ik"), (2, "ih")):
                            r = subprocess.run([sys.executable, "-c", child, str(signum), sequence], capture_output=True, text=True)
                            print(signum, sequence, r.returncode, " ".join(r.stdout.split()))
                        """);
        assertEquals("""
                        15 d -15\s
                        15 dd -15\s
                        15 id -15\s
                        15 ih 0 handler ran survived
                        15 i 0 survived
                        1 idd -1\s
                        2 id -2\s
                        2 ik -2\s
                        2 ih 0 handler ran survived
                        """, r.stdout(), r.stderr());
    }

    /**
     * SIGTERM/SIGHUP that reach the launcher while it starts (the JVM runs, Python does not yet) kill
     * it as they kill python3: the JVM's shutdown handlers exited 143/129 there (a Process
     * terminated right after start, as multiprocessing's test_terminate does, gave 143, not -15).
     */
    @Test
    void sigtermAndSighupDuringStartUpKillTheLauncher() throws Exception {
        Launcher.Result r = Launcher.script(240, Map.of(), """
                        import os, signal, subprocess, sys
                        signal.signal(signal.SIGHUP, signal.SIG_DFL)  # children inherit it: the tests may run under nohup
                        env = dict(os.environ, GRAALPY_OS_STARTUP_TRACE="1")  # stderr says when main runs
                        for name, signum in (("SIGTERM", 15), ("SIGHUP", 1)):
                            p = subprocess.Popen([sys.executable, "-c", "pass"], env=env, stderr=subprocess.PIPE)
                            for line in p.stderr:
                                if line.rstrip().endswith(b" main"):
                                    break
                            p.send_signal(signum)  # Python's context is still being created
                            print(name, p.wait())
                        """);
        assertEquals("SIGTERM -15\nSIGHUP -1\n", r.stdout(), r.stderr());
    }
}
