package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * subprocess.Popen's _posixsubprocess.fork_exec (graalpy_os/fork_exec.py): with preexec_fn, umask,
 * process_group, user, group or extra_groups CPython 3.12's over a forked JVM, without them a
 * posix_spawn replaying CPython's child steps; in real launcher processes with real children. Each script checks several things to keep JVM start-ups few.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PreexecTest {

    private static Launcher.Result python(String script) throws Exception {
        return Launcher.run("-c", script);
    }

    @Test
    void preexecFnRunsInTheChildBeforeExecWithHooksOnlyForIt() throws Exception {
        Launcher.Result r = python("""
                        import gc, os, subprocess, sys, tempfile
                        events = []
                        sys.addaudithook(lambda e, a: events.append(e) if e in ("os.fork", "subprocess.Popen", "os.posix_spawn") else None)
                        hooks = []
                        r, w = os.pipe()
                        os.register_at_fork(before=lambda: hooks.append("before"), after_in_parent=lambda: hooks.append("parent"),
                                            after_in_child=lambda: os.write(w, b"child-hook "))
                        marker = os.path.join(tempfile.mkdtemp(), "marker")
                        def prepare():
                            with open(marker, "w") as f:
                                f.write(str(os.getpid()))
                            os.setsid()
                            os.write(w, b"preexec ")
                        out = subprocess.run(["/bin/sh", "-c", "echo $$; cut -d' ' -f6 /proc/$$/stat"], stdout=subprocess.PIPE,
                                             preexec_fn=prepare, check=True).stdout.decode().split()
                        pid, sid = out
                        print("ran in the exec'd child:", open(marker).read() == pid, "own session:", sid == pid, int(sid) != os.getsid(0))
                        print(hooks, events, gc.isenabled())
                        hooks.clear(); events.clear()
                        gc.disable()
                        subprocess.run(["/bin/true"], umask=0o022, check=True)
                        print("umask alone:", hooks, events)
                        subprocess.run(["/bin/true"], preexec_fn=lambda: None, check=True)
                        print("preexec_fn:", hooks, events, "gc left disabled:", not gc.isenabled())
                        gc.enable()
                        os.close(w)
                        print(os.read(r, 1000).decode().split())
                        """);
        assertEquals("""
                        ran in the exec'd child: True own session: True True
                        ['before', 'parent'] ['subprocess.Popen'] True
                        umask alone: [] ['subprocess.Popen']
                        preexec_fn: ['before', 'parent'] ['subprocess.Popen', 'subprocess.Popen'] gc left disabled: True
                        ['child-hook', 'preexec', 'child-hook']
                        """, r.stdout(), r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void withoutTheseFeaturesForkExecSpawnsAndGraalPysOnlyReportsFailures() throws Exception {
        // GraalPy's fork_exec is held by Java only: the diagnostics builtin counts its calls
        Launcher.Result r = Launcher.run(90, null, Map.of("GRAALPY_OS_JAVA_OPTS", "-Dgraalpyos.diagnostics=true"), "-c", """
                        import os, subprocess, sys, _posixsubprocess
                        from graalpy_os import _native, fork_exec
                        events = []
                        sys.addaudithook(lambda e, a: events.append(e) if e in ("os.fork", "os.posix_spawn") else None)
                        class Calls:
                            def __repr__(self):
                                return str(_native.builtins.graalpy_fork_exec_calls())
                        calls = Calls()
                        print(subprocess._fork_exec is _posixsubprocess.fork_exec is fork_exec.fork_exec)
                        subprocess.run(["/bin/true"], close_fds=True, check=True)
                        subprocess.run(["true"], check=True)
                        subprocess.run(["/bin/true"], close_fds=False, check=True)
                        print("spawned:", calls, events)
                        for kw in (dict(args=["/nonexistent/prog"]), dict(args=["/bin/true"], cwd="/nonexistent-dir")):
                            try:
                                subprocess.run(**kw)
                            except OSError as e:
                                print(type(e).__name__, e.filename)
                        # a failed exec is reported by a stand-in child, a failed chdir by GraalPy's (CPython's "noexec")
                        print("failures reported by GraalPy's:", calls)
                        subprocess.run(["/bin/true"], umask=0o022, check=True)
                        subprocess.run(["/bin/true"], process_group=0, check=True)
                        subprocess.run(["/bin/true"], preexec_fn=lambda: None, check=True)
                        print("forked by ours:", calls, events)
                        """);
        assertEquals("""
                        True
                        spawned: 0 ['os.posix_spawn']
                        FileNotFoundError /nonexistent/prog
                        FileNotFoundError /nonexistent-dir
                        failures reported by GraalPy's: 1
                        forked by ours: 1 ['os.posix_spawn']
                        """, r.stdout(), r.stderr());
    }

    @Test
    void aSpawnedForkExecChildGetsCPythonsFdsCwdEnvironmentAndSession() throws Exception {
        Launcher.Result r = python("""
                        import os, subprocess
                        r, w = os.pipe()
                        w = os.dup2(w, 60, inheritable=False)  # a known number, above what the shell and ls use
                        stray = os.dup2(os.open("/dev/null", os.O_RDONLY), 61)  # inheritable
                        script = "ls -m /proc/self/fd; pwd; echo ${ONLY-unset} ${HOME-unset}; cut -d' ' -f6 /proc/$$/stat; echo $$"
                        def run(**kw):
                            return subprocess.run(["/bin/sh", "-c", script], stdout=subprocess.PIPE, check=True, **kw).stdout.decode().splitlines()
                        fds, cwd, env, sid, pid = run(pass_fds=[w], cwd="/", env={"ONLY": "x"}, start_new_session=True)
                        print("close_fds:", fds == "0, 1, 2, 3, 60", cwd, env, sid == pid)
                        fds, cwd, env, sid, pid = run(close_fds=False)
                        print("inherited:", "61" in fds.split(", "), "60" in fds.split(", "), cwd == os.getcwd(),
                              env == f"unset {os.environ['HOME']}", int(sid) == os.getsid(0))
                        subprocess.run(f"echo through-pass_fds > /proc/self/fd/{w}", shell=True, pass_fds=[w], check=True)
                        os.close(w)
                        print(os.read(r, 100))
                        """);
        assertEquals("""
                        close_fds: True / x unset True
                        inherited: True False True True True
                        b'through-pass_fds\\n'
                        """, r.stdout(), r.stderr());
    }

    @Test
    void exceptionInPreexecFnIsSubprocessErrorWithoutLeaksAndExecFailuresNameTheFile() throws Exception {
        Launcher.Result r = python("""
                        import os, subprocess, sys, tempfile
                        def pipes():
                            found = []
                            for fd in os.listdir("/proc/self/fd"):
                                try:
                                    if os.readlink(f"/proc/self/fd/{fd}").startswith("pipe:"):
                                        found.append(int(fd))
                                except OSError:
                                    pass
                            return sorted(found)
                        before = pipes()
                        def boom():
                            raise ValueError("What if two swallows carried a coconut?")
                        for fn in (boom, lambda: sys.exit(3), lambda: "\\udcff".encode()):
                            try:
                                subprocess.Popen(["/bin/true"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                 stderr=subprocess.PIPE, preexec_fn=fn)
                                print("no error")
                            except subprocess.SubprocessError as e:
                                print(type(e).__name__, e)
                        try:
                            print("a child is left:", os.waitpid(-1, os.WNOHANG))
                        except ChildProcessError:
                            print("no child left")
                        print("no pipe leaked:", pipes() == before)
                        not_executable = tempfile.mkstemp()[1]
                        for kw in (dict(args=["/nonexistent/prog"]), dict(args=["no-such-program-xyz"]),
                                   dict(args=["/bin/true"], cwd="/nonexistent-dir"), dict(args=[not_executable])):
                            try:
                                subprocess.run(preexec_fn=lambda: None, **kw)
                            except OSError as e:
                                print(type(e).__name__, e.errno, e.filename == (kw.get("cwd") or kw["args"][0]))
                        """);
        assertEquals("""
                        SubprocessError Exception occurred in preexec_fn.
                        SubprocessError Exception occurred in preexec_fn.
                        SubprocessError Exception occurred in preexec_fn.
                        no child left
                        no pipe leaked: True
                        FileNotFoundError 2 True
                        FileNotFoundError 2 True
                        FileNotFoundError 2 True
                        PermissionError 13 True
                        """, r.stdout(), r.stderr());
    }

    @Test
    void preexecFnWithPipesPassFdsAndCloseFds() throws Exception {
        Launcher.Result r = python("""
                        import os, subprocess
                        r, w = os.pipe()
                        other_r, other_w = os.pipe()
                        # no pipeline after ls: the shell would hold a pipe's fd while ls lists its fds
                        script = "read line; echo got:$line; echo err >&2; echo via-pass-fd >/dev/fd/%d; ls /proc/$$/fd" % w
                        p = subprocess.Popen(["/bin/sh", "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                             pass_fds=(w,), close_fds=True, preexec_fn=lambda: os.dup2(1, other_w))
                        out, err = p.communicate(b"hello\\n")
                        os.close(w)
                        lines = out.decode().split()
                        print(lines[0], err, os.read(r, 100), p.returncode)
                        print("child fds:", ["w" if fd == w else fd for fd in sorted(map(int, lines[1:]))])
                        """);
        assertEquals("""
                        got:hello b'err\\n' b'via-pass-fd\\n' 0
                        child fds: [0, 1, 2, 'w']
                        """, r.stdout(), r.stderr());
    }

    @Test
    void umaskProcessGroupUserGroupAndExtraGroups() throws Exception {
        Launcher.Result r = python("""
                        import os, stat, subprocess, tempfile
                        d = tempfile.mkdtemp()
                        out = subprocess.run(["/bin/sh", "-c", "umask; : > %s/f" % d], umask=0o027, check=True, stdout=subprocess.PIPE).stdout
                        print(out, oct(stat.S_IMODE(os.stat(d + "/f").st_mode)))
                        pid, pgid = subprocess.run(["/bin/sh", "-c", "echo $$ $(cut -d' ' -f5 /proc/$$/stat)"], process_group=0,
                                                   check=True, stdout=subprocess.PIPE).stdout.split()
                        print("own process group:", pid == pgid, int(pgid) != os.getpgid(0))
                        try:
                            out = subprocess.run(["/bin/sh", "-c", "id -u; id -g; id -G"], user=65534, group=65534,
                                                 extra_groups=[65534, 100], check=True, stdout=subprocess.PIPE).stdout.split()
                            print("ids:", out == [b"65534", b"65534", b"65534", b"100"] and os.geteuid() == 0)
                        except PermissionError:
                            print("ids:", os.geteuid() != 0)
                        """);
        assertEquals("""
                        b'0027\\n' 0o640
                        own process group: True True
                        ids: True
                        """, r.stdout(), r.stderr());
    }

    @Test
    void argumentsAreCheckedWithCPythonsMessagesBeforeAnyFork() throws Exception {
        Launcher.Result r = python("""
                        import os, _posixsubprocess
                        def err(f):
                            try:
                                f()
                                return "no error"
                            except BaseException as e:
                                return f"{type(e).__name__}: {e}"
                        print(err(lambda: os.setreuid("x", 0)))
                        print(err(lambda: os.setreuid(2**32, 0)))
                        print(err(lambda: os.setregid(0, 2**64)))
                        print(err(lambda: os.setgroups(5)))
                        print(err(lambda: os.setgroups(["a"])))
                        print(err(lambda: os.setreuid(-1, -1)))
                        base = [[b"/bin/true"], [b"/bin/true"], True, (), None, None, -1, -1, -1, -1, -1, -1, 3, 4,
                                True, False, -1, None, None, None, -1, lambda: 1 / 0, False]
                        def call(i, v):
                            a = list(base)
                            a[i] = v
                            return err(lambda: _posixsubprocess.fork_exec(*a))
                        print(call(3, [5]))
                        print(call(3, (5, 4)))
                        print(call(13, 2))
                        print(call(18, (1,)))
                        print(call(18, [2**64]))
                        print(call(18, ["x"]))
                        print(call(19, "x"))
                        print(call(17, 2**64))
                        print(call(1, ["x"]))
                        print(call(0, 5))
                        print(call(6, "x"))
                        """);
        assertEquals("""
                        TypeError: uid should be integer, not str
                        OverflowError: uid is less than minimum
                        OverflowError: gid is greater than maximum
                        TypeError: setgroups argument must be a sequence
                        TypeError: groups must be integers
                        no error
                        TypeError: fork_exec() argument 4 must be tuple, not list
                        ValueError: bad value(s) in fds_to_keep
                        ValueError: errpipe_write must be >= 3
                        TypeError: setgroups argument must be a list
                        ValueError: invalid group id
                        TypeError: extra_groups must be integers
                        TypeError: uid should be integer, not str
                        OverflowError: gid is greater than maximum
                        TypeError: expected bytes, str found
                        TypeError: argv must be a tuple
                        TypeError: 'str' object cannot be interpreted as an integer
                        """, r.stdout(), r.stderr());
    }

    @Test
    void withoutForkTheFeaturesAreRefusedNotIgnored() throws Exception {
        Launcher.Result r = Launcher.run("-X", "no_fork", "-c", """
                        import subprocess
                        for kw in (dict(preexec_fn=lambda: None), dict(umask=0o077), dict(user=65534)):
                            try:
                                subprocess.run(["/bin/true"], **kw)
                                print("ran")
                            except RuntimeError as e:
                                print(e)
                        print(subprocess.run(["/bin/sh", "-c", "exit 4"]).returncode)
                        """);
        assertEquals("""
                        preexec_fn not supported
                        umask not supported
                        user not supported
                        4
                        """, r.stdout(), r.stderr());
    }

    @Test
    void withoutCreateProcessPreexecFnIsRefusedBeforeAnyFork() {
        try (Python py = Python.withoutCreateProcess()) {
            String result = py.run("""
                            import os, subprocess
                            ran = []
                            try:
                                subprocess.run(["/bin/true"], preexec_fn=lambda: ran.append(os.getpid()))
                                result = "ran"
                            except PermissionError as e:
                                result = f"{e} {ran}"
                            """).asString();
            assertTrue(result.contains("fork_exec()") && result.contains("allowCreateProcess") && result.endsWith(" []"), result);
        }
    }
}
