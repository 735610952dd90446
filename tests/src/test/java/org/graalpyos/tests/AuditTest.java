package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The process-creation audit events of every entry point, and vetoing hooks, in real launcher
 * processes. The expected outputs are python3's (CPython 3.11) for the same scripts with the same
 * PATH. CPython raises the os.exec events of os.spawn* and pty.spawn in its forked child; ours come
 * from the parent (no fork): the log is a file, so both land in it in the same order.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AuditTest {
    private static final Map<String, String> SEARCH_PATH = Map.of("PATH", "/nonexistent:/usr/bin:/bin");

    @Test
    void eventsAndArgumentShapesOfEachEntryPoint() throws Exception {
        Launcher.Result r = Launcher.script(240, SEARCH_PATH, """
                        import os, pty, subprocess, sys, tempfile

                        EVENTS = ("os.fork", "os.forkpty", "os.posix_spawn", "subprocess.Popen", "os.exec", "os.spawn", "os.system", "pty.spawn")
                        LOG = os.path.join(tempfile.mkdtemp(), "events")


                        def shape(value):
                            if isinstance(value, (list, tuple)):
                                return type(value).__name__ + "[" + ",".join(shape(v) for v in value) + "]"
                            if isinstance(value, (str, bytes, int)) or value is None:
                                return repr(value)
                            return type(value).__name__


                        def record(event, args):
                            # a file, not a list: CPython raises some of these events in children (forked, then exec'ing)
                            if event in EVENTS:
                                with open(LOG, "a") as log:
                                    log.write(f"{event}:{shape(args)}\\n")


                        def waited(pid):
                            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


                        def forked():
                            pid = os.fork()
                            if pid == 0:
                                os._exit(0)
                            return waited(pid)


                        def forked_pty(fork):
                            pid, fd = fork()
                            if pid == 0:
                                os._exit(0)
                            status = waited(pid)
                            os.close(fd)  # after the child's end: closing the master hangs its tty up
                            return status


                        def exec_in_child():
                            pid = os.fork()
                            if pid == 0:
                                os.execv("/bin/true", ["true"])
                            return waited(pid)


                        CALLS = {
                            "fork": forked,
                            "forkpty": lambda: forked_pty(os.forkpty),
                            "posix_spawn": lambda: waited(os.posix_spawn("/bin/true", ["true"], {"A": "1"})),
                            "posix_spawnp": lambda: waited(os.posix_spawnp("true", ["true"], os.environ)),
                            "spawnv": lambda: os.spawnv(os.P_WAIT, "/bin/true", ["true"]),
                            "spawnvp": lambda: os.spawnvp(os.P_WAIT, "true", ["true"]),
                            "execv": exec_in_child,
                            "system": lambda: os.system("true"),
                            "run posix_spawn": lambda: subprocess.run(["/bin/true"], close_fds=False).returncode,
                            "run preexec_fn": lambda: subprocess.run(["/bin/true"], preexec_fn=lambda: None).returncode,
                            "pty.fork": lambda: forked_pty(pty.fork),
                            "pty.spawn": lambda: pty.spawn(["/bin/true"]),
                        }
                        sys.addaudithook(record)
                        for name, call in CALLS.items():
                            open(LOG, "w").close()
                            result = call()
                            with open(LOG) as log:
                                print(name, result, log.read().split())
                        os.unlink(LOG)
                        """);
        assertEquals("""
                        fork 0 ['os.fork:tuple[]']
                        forkpty 0 ['os.forkpty:tuple[]']
                        posix_spawn 0 ["os.posix_spawn:tuple['/bin/true',list['true'],dict]"]
                        posix_spawnp 0 ["os.posix_spawn:tuple['true',list['true'],_Environ]"]
                        spawnv 0 ['os.fork:tuple[]', "os.exec:tuple['/bin/true',list['true'],None]"]
                        spawnvp 0 ['os.fork:tuple[]', "os.exec:tuple[b'/nonexistent/true',list['true'],None]", "os.exec:tuple[b'/usr/bin/true',list['true'],None]"]
                        execv 0 ['os.fork:tuple[]', "os.exec:tuple['/bin/true',list['true'],None]"]
                        system 0 ["os.system:tuple[b'true']"]
                        run posix_spawn 0 ["subprocess.Popen:tuple['/bin/true',list['/bin/true'],None,None]", "os.posix_spawn:tuple['/bin/true',list['/bin/true'],_Environ]"]
                        run preexec_fn 0 ["subprocess.Popen:tuple['/bin/true',list['/bin/true'],None,None]"]
                        pty.fork 0 ['os.forkpty:tuple[]']
                        pty.spawn 0 ["pty.spawn:tuple[list['/bin/true']]", 'os.forkpty:tuple[]', "os.exec:tuple['/bin/true',tuple['/bin/true'],None]"]
                        """, r.stdout(), r.stderr());
    }

    @Test
    void aVetoingHookStopsEachBeforeAnyProcessExistsAndAnyAtForkHookRuns() throws Exception {
        Launcher.Result r = Launcher.script(240, SEARCH_PATH, """
                        import os, pty, subprocess, sys

                        hooks_ran = []
                        os.register_at_fork(before=lambda: hooks_ran.append("before"), after_in_parent=lambda: hooks_ran.append("parent"),
                                            after_in_child=lambda: hooks_ran.append("child"))


                        class Veto(Exception):
                            pass


                        vetoed = set()


                        def veto(event, args):
                            if event in vetoed:
                                raise Veto(event)


                        def no_child():
                            try:
                                os.waitpid(-1, os.WNOHANG)
                            except ChildProcessError:
                                return True
                            return False


                        FIRST_EVENTS = ("os.fork", "os.forkpty", "os.posix_spawn", "subprocess.Popen", "os.exec", "os.system", "pty.spawn")
                        CASES = [
                            (FIRST_EVENTS, "fork", os.fork),
                            (FIRST_EVENTS, "forkpty", os.forkpty),
                            (FIRST_EVENTS, "posix_spawn", lambda: os.posix_spawn("/bin/true", ["true"], {})),
                            (FIRST_EVENTS, "posix_spawnp", lambda: os.posix_spawnp("true", ["true"], os.environ)),
                            (FIRST_EVENTS, "spawnv", lambda: os.spawnv(os.P_WAIT, "/bin/true", ["true"])),
                            (FIRST_EVENTS, "spawnvp", lambda: os.spawnvp(os.P_NOWAIT, "true", ["true"])),
                            (FIRST_EVENTS, "execv", lambda: os.execv("/bin/true", ["true"])),
                            (FIRST_EVENTS, "system", lambda: os.system("true")),
                            (FIRST_EVENTS, "run posix_spawn", lambda: subprocess.run(["/bin/true"], close_fds=False)),
                            (FIRST_EVENTS, "run preexec_fn", lambda: subprocess.run(["/bin/true"], preexec_fn=lambda: None)),
                            (FIRST_EVENTS, "pty.fork", pty.fork),
                            (FIRST_EVENTS, "pty.spawn", lambda: pty.spawn(["/bin/true"])),
                            # a later event of the same call
                            (("os.posix_spawn",), "run posix_spawn", lambda: subprocess.run(["/bin/true"], close_fds=False)),
                            (("os.forkpty",), "pty.spawn", lambda: pty.spawn(["/bin/true"])),
                            # raised in CPython's child: its exec fails, the child exits 127
                            (("os.exec",), "spawnv", lambda: os.spawnv(os.P_WAIT, "/bin/true", ["true"])),
                            (("os.exec",), "spawnvp", lambda: os.spawnvp(os.P_WAIT, "true", ["true"])),
                        ]
                        sys.addaudithook(veto)
                        for events, name, call in CASES:
                            hooks_ran.clear()
                            vetoed.update(events)
                            try:
                                outcome = f"returned {call()!r}"
                            except Veto as e:
                                outcome = f"vetoed at {e}"
                            finally:
                                vetoed.clear()
                            print(f"{name}: {outcome}; at-fork hooks {hooks_ran}; no child {no_child()}")
                        """);
        assertEquals("""
                        fork: vetoed at os.fork; at-fork hooks []; no child True
                        forkpty: vetoed at os.forkpty; at-fork hooks []; no child True
                        posix_spawn: vetoed at os.posix_spawn; at-fork hooks []; no child True
                        posix_spawnp: vetoed at os.posix_spawn; at-fork hooks []; no child True
                        spawnv: vetoed at os.fork; at-fork hooks []; no child True
                        spawnvp: vetoed at os.fork; at-fork hooks []; no child True
                        execv: vetoed at os.exec; at-fork hooks []; no child True
                        system: vetoed at os.system; at-fork hooks []; no child True
                        run posix_spawn: vetoed at subprocess.Popen; at-fork hooks []; no child True
                        run preexec_fn: vetoed at subprocess.Popen; at-fork hooks []; no child True
                        pty.fork: vetoed at os.forkpty; at-fork hooks []; no child True
                        pty.spawn: vetoed at pty.spawn; at-fork hooks []; no child True
                        run posix_spawn: vetoed at os.posix_spawn; at-fork hooks []; no child True
                        pty.spawn: vetoed at os.forkpty; at-fork hooks []; no child True
                        spawnv: returned 127; at-fork hooks ['before', 'parent']; no child True
                        spawnvp: returned 127; at-fork hooks ['before', 'parent']; no child True
                        """, r.stdout(), r.stderr());
    }
}
