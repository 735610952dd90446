package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bin/graalpy-os behaves like python3 on the command line, with nothing of its own on stdout/stderr. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherTest {

    @Test
    void executableIsTheLauncherAndPidIsReal() throws Exception {
        Launcher.Result r = Launcher.run("-c", "import sys,os; print(sys.executable); print(os.getpid()); print(os.getppid())");
        String[] lines = r.stdout().split("\n");
        assertEquals(Launcher.EXECUTABLE.toString(), lines[0]);
        assertTrue(Integer.parseInt(lines[1]) > 1);
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(lines[2]), "the JVM is exec'd, so the script's parent is us");
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void systemExitCodeAndMessage() throws Exception {
        assertEquals(3, Launcher.run("-c", "raise SystemExit(3)").exitCode());
        Launcher.Result r = Launcher.run("-c", "import sys; sys.exit('bye')");
        assertEquals(1, r.exitCode());
        assertEquals("bye\n", r.stderr());
    }

    @Test
    void uncaughtExceptionPrintsACPythonTracebackAndExitsOne() throws Exception {
        Launcher.Result r = Launcher.run("-c", "def f():\n    1/0\nf()");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("Traceback (most recent call last):\n"), r.stderr());
        assertTrue(r.stderr().endsWith("ZeroDivisionError: division by zero\n"), r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void scriptArgvPathAndStdin(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.py");
        Files.writeString(script, "import sys\nprint(sys.argv, sys.path[0] == sys.argv[0].rsplit('/', 1)[0], __name__)\n");
        Launcher.Result r = Launcher.run(script.toString(), "a", "b c");
        assertEquals("['" + script + "', 'a', 'b c'] True __main__\n", r.stdout());
        Launcher.Result fromStdin = Launcher.run("import sys; print(sys.argv, input())\nhello\n", Map.of(), "-", "x");
        assertEquals(1, fromStdin.exitCode(), "the whole of stdin is the program, so input() meets EOF");
        Launcher.Result piped = Launcher.run("import sys; print(sys.argv)\n", Map.of());
        assertEquals("['']\n", piped.stdout());
    }

    @Test
    void moduleModeCombinedFlagsAndEnvironment(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mymod.py"), "import sys, os\nprint(sys.argv[1:], os.environ.get('X'), sys.flags.isolated)\n");
        Launcher.Result r = Launcher.run(null, Map.of("PYTHONPATH", dir.toString(), "X", "1"), "-m", "mymod", "q");
        assertEquals("['q'] 1 0\n", r.stdout());
        Launcher.Result isolated = Launcher.run(null, Map.of("PYTHONPATH", dir.toString()), "-IS", "-c",
                        "import sys; print(sys.flags.isolated, sys.flags.no_site, sys.flags.ignore_environment, any('" + dir + "' == p for p in sys.path))");
        assertEquals("1 1 1 False\n", isolated.stdout());
    }

    @Test
    void warningAndXOptionsAreAccepted() throws Exception {
        Launcher.Result r = Launcher.run("-W", "error::DeprecationWarning", "-X", "faulthandler", "-Wd", "-u", "-B", "-c",
                        "import sys; print(sys.warnoptions)");
        assertEquals("['error::DeprecationWarning', 'd']\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void badOptionExitsTwoAndVersionPrintsPython3() throws Exception {
        Launcher.Result bad = Launcher.run("-Z");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("usage:"), bad.stderr());
        Launcher.Result version = Launcher.run("--version");
        assertTrue(version.stdout().matches("Python 3\\.12\\.\\d+\n"), version.stdout());
    }

    @Test
    void closedStandardFdsStayClosedAndTheirStreamsAreNone() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" -c \"$1\" <&-", Launcher.EXECUTABLE.toString(), """
                        import os, sys
                        try:
                            os.fstat(0)
                            print("fd 0 open")
                        except OSError as e:
                            print("fd 0 closed", e.errno, sys.stdin)
                        """).redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertEquals("fd 0 closed 9 None\n", new String(p.getInputStream().readAllBytes()));
    }

    @Test
    void childInterpreterThroughSysExecutable() throws Exception {
        Launcher.Result r = Launcher.run("-c", """
                        import subprocess, sys
                        p = subprocess.run([sys.executable, '-c', 'import os, sys; print(hasattr(os, "posix_spawn")); sys.exit(4)'], capture_output=True, text=True)
                        print(p.stdout.strip(), p.returncode, repr(p.stderr))
                        """);
        assertEquals("True 4 ''\n", r.stdout());
    }

    @Test
    void atexitCallbacksRunLastFirstAndTheirErrorsAreReportedNotRaised() throws Exception {
        Launcher.Result r = Launcher.run("-c", """
                        import atexit
                        def bad():
                            raise ValueError("boom")
                        def gone():
                            print("unregistered callback ran")
                        atexit.register(print, "registered first, runs last")
                        atexit.register(bad)
                        atexit.register(gone)
                        atexit.register(print, "registered last", "runs first", sep=", ")
                        atexit.unregister(gone)
                        print(atexit._ncallbacks())
                        """);
        assertEquals("3\nregistered last, runs first\nregistered first, runs last\n", r.stdout());
        assertTrue(r.stderr().startsWith("Exception ignored in atexit callback: <function bad at "), r.stderr());
        assertTrue(r.stderr().endsWith("ValueError: boom\n"), r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void osAbortEndsTheProcessAndAForkedChildBySigabrt() throws Exception {
        // RLIMIT_CORE 0: a JVM's core file would be hundreds of MB
        Process p = new ProcessBuilder("sh", "-c", "ulimit -c 0; exec \"$0\" -c \"$1\"", Launcher.EXECUTABLE.toString(), """
                        import os, signal
                        pid = os.fork()
                        if pid == 0:
                            os.abort()
                        status = os.waitpid(pid, 0)[1]
                        print(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT, flush=True)
                        os.abort()
                        print("not reached")
                        """).redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertEquals("True\n", new String(p.getInputStream().readAllBytes()));
        assertEquals(128 + 6, p.exitValue()); // killed by SIGABRT, as python3 is
    }

    @Test
    void theProgramAndItsChildrenGetTheEnvironmentTheLauncherWasStartedWith() throws Exception {
        // what python3 would get: not bash's SHLVL/PWD, nor the JDK the launcher chose for itself
        ProcessBuilder builder = new ProcessBuilder(Launcher.EXECUTABLE.toString(), "-c", """
                        import os, subprocess
                        graalpys = "UNSAFE_PYO3_SKIP_VERSION_CHECK"  # GraalPy puts it into os.environ itself
                        print(sorted((k, v) for k, v in os.environ.items() if k != graalpys))
                        child = subprocess.run(["/usr/bin/env"], capture_output=True, text=True).stdout.splitlines()
                        print(sorted(entry for entry in child if not entry.startswith(graalpys)))
                        """).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("LANG", "C.UTF-8", "JAVA_HOME", "/nonexistent/users-jdk", "SPACED", "a b=c"));
        Process p = builder.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String[] lines = new String(p.getInputStream().readAllBytes()).split("\n");
        assertEquals("[('JAVA_HOME', '/nonexistent/users-jdk'), ('LANG', 'C.UTF-8'), ('SPACED', 'a b=c')]", lines[0]);
        assertEquals("['JAVA_HOME=/nonexistent/users-jdk', 'LANG=C.UTF-8', 'SPACED=a b=c']", lines[1]);
    }

    @Test
    void childrenInheritTheFdsInheritedAtLaunchButNotTheJvmsOwnFiles() throws Exception {
        // fd 7 is open without close-on-exec when the launcher starts: the program's, passed on as by python3
        Process p = new ProcessBuilder("sh", "-c", "exec 7</dev/null; exec \"$0\" -c \"$1\"", Launcher.EXECUTABLE.toString(), """
                        import os, signal, time
                        pid = os.posix_spawn("/bin/sleep", ["sleep", "60"], os.environ)
                        # posix_spawn returns once the child's exec began; the kernel closes its
                        # close-on-exec fds a moment later: an fd still open after 5 s was inherited
                        deadline = time.monotonic() + 5
                        while True:
                            fds = sorted(int(fd) for fd in os.listdir(f"/proc/{pid}/fd"))
                            if fds == [0, 1, 2, 7] or time.monotonic() > deadline:
                                break
                            time.sleep(0.05)
                        print(fds)
                        os.kill(pid, signal.SIGKILL)
                        os.waitpid(pid, 0)
                        """).redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertEquals("[0, 1, 2, 7]\n", new String(p.getInputStream().readAllBytes()));
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void graalpyOsRuntimeChoosesTheTruffleRuntime() throws Exception {
        String program = "import os; print(os.waitstatus_to_exitcode(os.waitpid(os.posix_spawn('/bin/true', ['true'], {}), 0)[1]))";
        Launcher.Result fallback = Launcher.run(null, Map.of("GRAALPY_OS_STARTUP_TRACE", "1"), "-c", program);
        assertEquals("0\n", fallback.stdout());
        assertTrue(fallback.stderr().contains("Truffle runtime: Interpreted"), fallback.stderr());
        // the Graal compiler from target/jvmci through JVMCI: slow to start on a busy machine
        Launcher.Result optimizing = Launcher.run(300, null, Map.of("GRAALPY_OS_RUNTIME", "optimizing", "GRAALPY_OS_STARTUP_TRACE", "1"), "-c", program);
        assertEquals("0\n", optimizing.stdout());
        assertTrue(optimizing.stderr().contains("Truffle runtime: GraalVM CE"), optimizing.stderr());
        Launcher.Result unknown = Launcher.run(null, Map.of("GRAALPY_OS_RUNTIME", "jit"), "-c", "pass");
        assertEquals(2, unknown.exitCode());
        assertEquals("graalpy-os: GRAALPY_OS_RUNTIME must be fallback or optimizing, not 'jit'\n", unknown.stderr());
    }
}
