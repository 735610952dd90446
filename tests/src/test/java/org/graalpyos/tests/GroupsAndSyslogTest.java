package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * grp, syslog, os.getgrouplist, os.initgroups and os.getlogin (issue 16) answer as CPython's:
 * every group of this machine by getgrall, getgrgid and getgrnam, the bad calls' errors,
 * docstrings and signatures, each member's getgrouplist (grp and these os functions are the same
 * in 3.11 and 3.12: python3 is the reference); syslog's results, errors and audit events, and what
 * reaches the log (LOG_PERROR copies it to stderr), against CPython 3.12 (3.11's syslog was not
 * yet clinic-converted: other messages and no signatures). Not compared: openlog's
 * __text_signature__ line break (clinic wraps it) and inspect.signature of openlog and syslog,
 * which CPython refuses (ValueError) and our Python wrappers answer.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GroupsAndSyslogTest {
    private static final String GRP = """
import grp, inspect, os
for f in (grp.getgrgid, grp.getgrnam, grp.getgrall, os.getgrouplist, os.initgroups, os.getlogin):
    print(f.__name__, f.__module__, repr(f.__text_signature__), repr(f.__doc__))
    print("  sig", inspect.signature(f))
print(repr(grp.__doc__))
print(repr(grp.struct_group.__doc__), grp.struct_group.n_fields, grp.struct_group.n_sequence_fields, grp.struct_group.__module__, grp.struct_group.__name__)
print(sorted(n for n in dir(grp) if not n.startswith("__")))
print(grp.getgrgid(0), grp.getgrnam("root"))
print(grp.getgrall() == [grp.getgrgid(g.gr_gid) if False else g for g in grp.getgrall()], len(grp.getgrall()))
for g in grp.getgrall():
    print(g, g.gr_name, g.gr_passwd, g.gr_gid, g.gr_mem, grp.getgrnam(g.gr_name) == g, grp.getgrgid(g.gr_gid).gr_gid == g.gr_gid)
def t(f,*a,**k):
    try: r=repr(f(*a,**k))
    except BaseException as e: r=f"{type(e).__name__}: {e}"
    print(f.__name__, a, k, "->", r)
for a in [(-5,), (-1,), (2**32-1,), (2**32,), (2**64,), (-2**64,), ("0",), (1.5,), (True,), (), (0,0), (None,)]:
    t(grp.getgrgid, *a)
t(grp.getgrgid, id=0); t(grp.getgrgid, gid=0); t(grp.getgrnam, name="root"); t(grp.getgrall, 1); t(grp.getgrall, x=1)
for a in [("nope",), ("a\\0b",), (b"root",), ("\\udcff",), ("é",), (), (None,), ("root", 1)]:
    t(grp.getgrnam, *a)
g = grp.getgrgid(0)
print(type(g).__name__, isinstance(g, tuple), g[0], g[-1], len(g), g[:2], g == tuple(g), repr(grp.struct_group(("a", "b", 1, []))))
t(grp.struct_group, (1,2))
import pickle; print(pickle.loads(pickle.dumps(g)) == g)
t(os.getgrouplist, "root", 0); t(os.getgrouplist, "nosuchuser", 5); t(os.getgrouplist, "root", -1); t(os.getgrouplist, b"root", 0); t(os.getgrouplist, "root"); t(os.getgrouplist, "a\\0b", 0); t(os.getgrouplist, "root", "0"); t(os.getgrouplist, "root", 2**32); t(os.getgrouplist, user="root", group=0)
for g in grp.getgrall():
    for m in g.gr_mem: t(os.getgrouplist, m, 12345)
t(os.initgroups, "root", "x"); t(os.initgroups, 1, 0); t(os.initgroups, "a\\0b", 0); t(os.initgroups, "root"); t(os.initgroups, username="root", gid=0)
t(os.getlogin); t(os.getlogin, 1)
""";

    private static final String SYSLOG = """
import syslog, sys, inspect
ev=[]
sys.addaudithook(lambda e,a: ev.append((e,a)) if e.startswith("syslog") else None)
for f in (syslog.openlog, syslog.syslog, syslog.closelog, syslog.setlogmask, syslog.LOG_MASK, syslog.LOG_UPTO):
    print(f.__name__, f.__module__, repr(f.__text_signature__ and " ".join(f.__text_signature__.split())), repr(f.__doc__))
    if f not in (syslog.openlog, syslog.syslog): print("  sig", inspect.signature(f))
print(repr(syslog.__doc__))
print([n for n in dir(syslog) if not n.startswith("__")])
print({n: getattr(syslog, n) for n in dir(syslog) if n.startswith("LOG_") and isinstance(getattr(syslog,n), int)})
for v in [0,1,7,30,31,32,33,63,64,-1,-2, 2**40]:
    print(v, syslog.LOG_MASK(v), syslog.LOG_UPTO(v))
def t(f,*a,**k):
    ev.clear()
    try: r=repr(f(*a,**k))
    except BaseException as e: r=f"{type(e).__name__}: {e}"
    print(f.__name__, a, k, "->", r, ev)
t(syslog.setlogmask, 0); t(syslog.setlogmask, 255); t(syslog.setlogmask, 0); t(syslog.setlogmask, "x"); t(syslog.setlogmask, 2**63); t(syslog.setlogmask, 1.5); t(syslog.setlogmask); t(syslog.setlogmask, maskpri=3); t(syslog.setlogmask, True)
t(syslog.LOG_MASK, 2**63); t(syslog.LOG_MASK, "a"); t(syslog.LOG_UPTO); t(syslog.LOG_UPTO, 1, 2); t(syslog.LOG_MASK, pri=1)
t(syslog.setlogmask, syslog.LOG_UPTO(syslog.LOG_EMERG))
t(syslog.syslog, "hello"); t(syslog.syslog, 3, "hello"); t(syslog.syslog); t(syslog.syslog, 1,2,3); t(syslog.syslog, 3); t(syslog.syslog, "a", "b"); t(syslog.syslog, 2**40, "b"); t(syslog.syslog, "a\\0b"); t(syslog.syslog, b"x"); t(syslog.syslog, "\\udcff"); t(syslog.syslog, 1.5, "x"); t(syslog.syslog, message="x"); t(syslog.syslog, 3, "a\\0b"); t(syslog.syslog, 3, None); t(syslog.syslog, -2**40, "x")
t(syslog.closelog); t(syslog.closelog); t(syslog.closelog, 1)
t(syslog.openlog); t(syslog.openlog, "id"); t(syslog.openlog, "id", 1, 8); t(syslog.openlog, ident="x", logoption=2, facility=16); t(syslog.openlog, b"x"); t(syslog.openlog, None); t(syslog.openlog, "a\\0b"); t(syslog.openlog, "\\udcff"); t(syslog.openlog, "x", 2**63); t(syslog.openlog, "x", 1, "y"); t(syslog.openlog, "x", 1, 2, 3); t(syslog.openlog, logopt=1); t(syslog.openlog, "x", logoption=1, facility=2, ident=3)
t(syslog.openlog, "x", 1.5)
sys.argv[0] = "/a/b/prog.py"; t(syslog.openlog); sys.argv[0] = ""; t(syslog.openlog); sys.argv[0]=5; t(syslog.openlog); sys.argv=[]; t(syslog.openlog); sys.argv="abc"; t(syslog.openlog); del sys.argv; t(syslog.openlog); sys.argv=["x/y/z"]; t(syslog.closelog); t(syslog.syslog, "m")
sys.argv=["noslash"]; t(syslog.closelog); t(syslog.syslog, syslog.LOG_DEBUG, "m"); sys.argv = ["a/"]; t(syslog.closelog); t(syslog.openlog)
t(syslog.closelog)
""";

    /** What reaches the log: LOG_PERROR copies each message to stderr, which the script reads back. */
    private static final String PERROR = """
import os, sys, syslog, tempfile
ev = []
sys.addaudithook(lambda e, a: ev.append((e, a)) if e.startswith("syslog") else None)
with tempfile.TemporaryFile() as f:
    saved = os.dup(2)
    os.dup2(f.fileno(), 2)
    syslog.openlog("graalpy-os-test", syslog.LOG_PERROR | syslog.LOG_PID, syslog.LOG_LOCAL7)
    old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
    syslog.syslog(syslog.LOG_ERR, "shown \\u00e9")
    syslog.syslog(syslog.LOG_INFO, "masked")
    syslog.syslog(syslog.LOG_WARNING, "100% %s %n")
    syslog.setlogmask(old)
    syslog.closelog()
    syslog.openlog(logoption=syslog.LOG_PERROR)
    syslog.syslog("argv ident")
    syslog.closelog()
    sys.argv[0] = "/x/y/implicit"
    syslog.syslog(syslog.LOG_CRIT, "implicit openlog")
    syslog.closelog()
    os.dup2(saved, 2)
    f.seek(0)
    print(f.read().decode().replace(str(os.getpid()), "PID"))
print(ev)
""";

    @Test
    void groupDatabaseAndUserGroupsAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(GRP);
        Launcher.Result r = Launcher.run("-c", GRP);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void syslogCallsErrorsAndAuditEventsAnswerAsCPython312s() throws Exception {
        String expected = python312(SYSLOG);
        Launcher.Result r = Launcher.run("-c", SYSLOG);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void messagesReachTheLogAsCPython312s() throws Exception {
        String expected = python312(PERROR);
        Launcher.Result r = Launcher.run("-c", PERROR);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    /** CPython 3.12: python3.12 on PATH, or pyenv's. */
    private static String python312(String source) throws IOException, InterruptedException {
        String executable = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.contains("/shims") && Files.isExecutable(Path.of(dir, "python3.12"))) {
                executable = Path.of(dir, "python3.12").toString();
                break;
            }
        }
        Path pyenv = Path.of(System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv"), "versions");
        if (executable == null && Files.isDirectory(pyenv)) {
            try (var versions = Files.list(pyenv)) {
                for (Path version : (Iterable<Path>) versions.sorted()::iterator) {
                    if (version.getFileName().toString().startsWith("3.12") && Files.isExecutable(version.resolve("bin/python3.12"))) {
                        executable = version.resolve("bin/python3.12").toString();
                    }
                }
            }
        }
        Assumptions.assumeTrue(executable != null, "no CPython 3.12 (python3.12) to compare with");
        Process python = new ProcessBuilder(executable, "-c", source).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!python.waitFor(60, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new AssertionError("python3.12 did not finish in 60 s");
        }
        return output;
    }
}
