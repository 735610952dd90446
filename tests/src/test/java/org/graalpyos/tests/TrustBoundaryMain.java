package org.graalpyos.tests;

import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import org.graalpyos.embed.GraalPyOs;

/**
 * An embedding application whose ProcessCreationPolicy vetoes everything, and a script that calls
 * every builtin graalpy-os puts within Python's reach with hostile argument lists (run in its own
 * JVM by TrustBoundaryTest: some builtins are os._exit, os.abort or resource.prlimit, which the
 * script calls only with arguments they must refuse). Prints the script's report, then the number
 * of times the policy was asked.
 */
public final class TrustBoundaryMain {
    private TrustBoundaryMain() {
    }

    public static void main(String[] args) {
        String marker = args[0];
        AtomicInteger asked = new AtomicInteger();
        try (Context context = GraalPyOs.contextBuilder().allowNativeAccess(true).allowCreateProcess(true).allowCreateThread(true)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").option("log.python.level", "SEVERE").build()) {
            GraalPyOs.install(context, creation -> {
                asked.incrementAndGet();
                throw new SecurityException("vetoed: " + creation.function());
            });
            context.getBindings("python").putMember("marker", marker);
            Value report = context.eval("python", SCRIPT);
            System.out.println(report.asString());
        }
        System.out.println("policy asked " + asked.get());
    }

    private static final String SCRIPT = """
                    import os, random, sys
                    import graalpy_os._native

                    native = graalpy_os._native.builtins._native
                    parent = os.getpid()
                    touch = "sh\\0-c\\0touch " + marker + "\\0"
                    VALUES = ["0\\0", "0 1\\0", "2 1\\0", "0\\0" "1\\0", "4294967295\\0", 0, 1, -1, 2**31, -2**31 - 1, 2**63, -2**63, 2**64, True, False, None, 1.5, "", "-", "x y",
                              "0 x", "/bin/sh\\0", touch, "/usr/bin/touch\\0", "touch\\0" + marker + "\\0", "\\udcff",
                              b"/bin/sh", [], [1, 2], (), {}, object(), native, os, int, str]
                    NOT_NUMBERS = [v for v in VALUES if not isinstance(v, (int, float))]
                    # os._exit, os.abort, resource.prlimit, os.login_tty, and what acts on this process's fds and
                    # priority (os.closerange, fcntl, lockf, the wake-up fd, tcsetpgrp, nice, setpriority), its files,
                    # affinity, scheduling and namespaces (writes and transfers to fds, fifos and nodes, chroot,
                    # extended attributes, sched_set*, unshare, setns, fallocate, syncs), the system clock
                    # (clock_settime), signals and timers (kill(-1, ...) as root reaches every process; alarm,
                    # setitimer; masks) and what blocks until a signal comes (pause, sigwait) or for as long as it is
                    # told (a timeout of -1 is none): legitimate for Python code, so only called with arguments they
                    # must refuse
                    ONLY_REFUSED = {"exit_process", "abort", "prlimit", "login_tty", "posix.closerange", "fcntl_int", "fcntl_buffer",
                                    "lockf", "set_wakeup_fd", "posix.tcsetpgrp", "posix.nice", "posix.setpriority",
                                    "io_pwrite", "io_readv", "io_writev", "io_sendfile", "io_splice", "io_eventfd_read", "io_eventfd_write",
                                    "path_chroot", "path_mkfifo", "path_mknod", "xattr_set", "xattr_remove", "sched_set_affinity",
                                    "sched_set_param", "sched_set_scheduler", "posix.unshare", "posix.setns", "posix.posix_fallocate",
                                    "posix.posix_fadvise", "posix.fdatasync", "posix.sync", "posix.pread", "clock_set",
                                    "signal_alarm", "signal_itimer", "signal_mask", "signal_pause", "signal_send", "signal_wait",
                                    "signal_pidfd_send", "sleep_ns", "poll_fds", "select_fds", "epoll_wait"}
                    # what changes the whole system (the host name): only with arguments of a type they must refuse
                    SYSTEM_WIDE = {"set_host_name"}
                    NOT_TEXT = [v for v in NOT_NUMBERS if not isinstance(v, (str, bytes))]
                    outcomes = {}
                    calls = 0

                    def attempt(name, arguments):
                        global calls
                        calls += 1
                        try:
                            getattr(native, name)(*arguments)
                            kind = "returned"
                        except BaseException as e:
                            kind = type(e).__name__
                        if os.getpid() != parent:  # a fork that was not vetoed: the child must not go on
                            open(marker, "w").close()
                            os._exit(0)
                        outcomes.setdefault(kind, set()).add(name)

                    rng = random.Random(20261203)
                    # dir() adds GraalPy's ForeignObject methods, not ours; of those, __setattr__ with a name that is
                    # not a str ends GraalPy 25.0.1 itself (IllegalMonitorStateException releasing its GIL)
                    names = sorted(n for n in dir(native) if not n.startswith("__"))
                    for name in names:
                        pool = NOT_TEXT if name in SYSTEM_WIDE else NOT_NUMBERS if name in ONLY_REFUSED else VALUES
                        for arity in range(0, 21):
                            for _ in range(25 if name not in ONLY_REFUSED else 5):
                                arguments = [rng.choice(pool) for _ in range(arity)]
                                if name in ONLY_REFUSED and arity > 0 and not any(a in NOT_NUMBERS for a in arguments):
                                    continue
                                if (name in ONLY_REFUSED or name in SYSTEM_WIDE) and arity == 0:
                                    continue
                                attempt(name, arguments)
                    # the issue's call (with the flag that once skipped the policy), its 18-argument form,
                    # the child-only builtins with well-formed arguments, and the other creators
                    attempt("subprocess_spawn", ["/bin/sh\\0", touch, True, "", False, "", "", -1, -1, -1, -1, -1, -1, -1, -1,
                                                 False, False, False, False])
                    well_formed = ["/bin/sh\\0", touch, None, None, "", -1, -1, -1, -1, -1, -1, -1, -1, False, False, False,
                                   -1, -1, "", -1, -1]
                    attempt("subprocess_spawn", well_formed)
                    attempt("subprocess_fork", well_formed)
                    attempt("subprocess_fork", well_formed[:16] + [-1, -1, "0\\0", 0, 0])
                    attempt("subprocess_child_setup", [])
                    attempt("subprocess_child_exec", [])
                    attempt("subprocess_child_fail", ["x"])
                    attempt("execve", [-1, "/bin/sh", "/bin/sh", touch, None])
                    for name in ("setuid", "setgid", "seteuid", "setegid"):
                        attempt("posix." + name, [-1])
                    attempt("posix.setreuid", [-1, -1])
                    attempt("posix.setregid", [-1, -1])
                    attempt("posix.setresuid", [-1, -1, -1])
                    attempt("posix.setresgid", [-1, -1, -1])
                    attempt("setgroups", [""])
                    for search_path in (False, True):
                        attempt("posix_spawn", [search_path, "/bin/sh", "/bin/sh", touch, "", "", None, False, False, None, None,
                                                None, None])
                    attempt("system", [touch.replace("\\0", " ")])
                    # GraalPy's own process creators, which ask no policy, are held by Java only
                    import _posixsubprocess, posix, subprocess, types
                    def ours(f):
                        return isinstance(f, types.FunctionType) and f.__code__.co_filename.startswith("<graalpy-os>")
                    originals = [name for name, f in (("_posixsubprocess.fork_exec", _posixsubprocess.fork_exec),
                                                      ("posix.system", posix.system), ("os.system", os.system),
                                                      ("subprocess._fork_exec", subprocess._fork_exec)) if not ours(f)]
                    for module_name, module in list(sys.modules.items()):
                        if module_name.startswith("graalpy_os"):
                            for name, value in vars(module).items():
                                if isinstance(value, types.BuiltinFunctionType) and value.__name__ in ("fork_exec", "system"):
                                    originals.append(f"{module_name}.{name}")
                    try:
                        os.waitpid(-1, os.WNOHANG)
                        unreaped = "a child exists"
                    except ChildProcessError:
                        unreaped = "no child"
                    lines = [f"{kind}: {' '.join(sorted(outcomes[kind]))}" for kind in sorted(outcomes)]
                    "\\n".join([f"calls {calls}", f"builtins {' '.join(names)}", f"originals {' '.join(originals)}", unreaped, *lines])
                    """;
}
