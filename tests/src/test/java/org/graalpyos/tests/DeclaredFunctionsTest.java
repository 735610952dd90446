package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The functions whose Python wrappers are generated from their Java declarations (a Java or a
 * Python body): calls, bad calls (CPython's parser, converter and range errors), docstrings and
 * signatures answer as python3's do; a change of ids reaches every thread of the JVM (glibc's
 * setxid broadcast), as it does CPython's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DeclaredFunctionsTest {
    private static final String CALLS = """
                    import inspect, os
                    print(os.getresuid() == (os.getuid(), os.geteuid(), os.getresuid()[2]), os.getresgid()[:2] == (os.getgid(), os.getegid()))
                    for name in ("setuid", "setgid", "seteuid", "setegid", "setreuid", "setregid", "setresuid", "setresgid", "getresuid", "getresgid", "setgroups"):
                        f = getattr(os, name)
                        print(name, f.__name__, f.__module__, f.__doc__, f.__text_signature__, inspect.signature(f), name in os.__all__)
                    calls = [(os.setuid, ()), (os.setuid, (1, 2)), (os.setuid, ("x",)), (os.setuid, (1.5,)), (os.setuid, (2**32,)),
                             (os.setuid, (-2,)), (os.setuid, (2**64,)), (os.setuid, (-2**64,)), (os.setgid, (None,)), (os.setegid, (b"1",)),
                             (os.setresuid, (1, 2)), (os.setresuid, (1, 2, 3, 4)), (os.setresgid, (-1, "a", 0)), (os.setreuid, (-1,)),
                             (os.getresuid, (1,)), (os.setuid, (os.getuid(),)), (os.seteuid, (os.geteuid(),)), (os.setreuid, (-1, -1)),
                             (os.setregid, (-1, -1)), (os.setresuid, (-1, -1, -1)), (os.setresgid, (-1, -1, -1)), (os.setgid, (True,)),
                             (os.setgroups, ()), (os.setgroups, (1,)), (os.setgroups, ([1, "x"],)), (os.setgroups, (os.getgroups(),))]
                    for f, args in calls:
                        try:
                            print(f.__name__, args, f(*args))
                        except Exception as e:
                            print(f.__name__, args, type(e).__name__, e)
                    for f in (os.setuid, os.getresuid, os.setresgid, os.setgroups):
                        try:
                            f(uid=1)
                        except TypeError as e:
                            print(e)
                    class Holder:
                        stored = os.getresuid
                    print(Holder().stored() == os.getresuid())
                    """;

    /** The functions whose body is the shims' Python: wait*, W*, fork, register_at_fork, exec*, confstr, resource, _posixshmem. */
    private static final String PYTHON_BODIES = """
                    import os, inspect, resource, _posixshmem
                    fs = [os.wait, os.waitpid, os.wait3, os.wait4, os.waitid, os.WCOREDUMP, os.WIFCONTINUED, os.WIFEXITED, os.WEXITSTATUS, os.WSTOPSIG, os.waitstatus_to_exitcode,
                          os.register_at_fork, os.fork, os.forkpty, os.login_tty, os.abort, os.execv, os.execve, os.confstr, resource.getrlimit, resource.setrlimit, _posixshmem.shm_open, _posixshmem.shm_unlink]
                    for f in fs:
                        print(f.__name__, f.__module__, repr(f.__doc__), f.__text_signature__.replace("\\n", "").replace(" " * 17, " ") if f.__text_signature__ else None)
                    calls = [(os.waitpid, (1,)), (os.waitpid, (1, 2, 3)), (os.waitpid, ("x", 0)), (os.waitpid, (2**31, 0)), (os.waitpid, (-1, 2**31)),
                             (os.wait3, ()), (os.wait3, (1, 2)), (os.wait3, ("x",)), (os.wait4, ()), (os.wait4, ("x",)), (os.wait4, (1, 2, 3)), (os.waitid, (1, 2)),
                             (os.WIFEXITED, ()), (os.WIFEXITED, (0, 1)), (os.WIFEXITED, ("s",)), (os.WIFEXITED, (2**40,)), (os.WCOREDUMP, (0x80,)), (os.WCOREDUMP, ()),
                             (os.waitstatus_to_exitcode, (0x100,)), (os.waitstatus_to_exitcode, (0x7f,)), (os.waitstatus_to_exitcode, (0x17f,)), (os.waitstatus_to_exitcode, (9,)),
                             (os.register_at_fork, ()), (os.register_at_fork, (1,)), (os.register_at_fork, (print,)), (os.fork, (1,)), (os.forkpty, (1,)), (os.abort, (1,)),
                             (os.login_tty, (-1,)), (os.login_tty, ("x",)), (os.login_tty, ()), (os.execv, ()), (os.execv, ("/bin/true",)), (os.execv, ("/bin/true", [])),
                             (os.execve, ("/bin/true", ["x"])), (os.execve, ("/bin/true", 1, {})), (os.confstr, ()), (os.confstr, ("CS_PATH",)), (os.confstr, ("nope",)), (os.confstr, (1.5,)),
                             (resource.getrlimit, ()), (resource.getrlimit, ("a",)), (resource.getrlimit, (99,)), (resource.setrlimit, (1,)), (resource.setrlimit, (4, (1,))),
                             (_posixshmem.shm_open, ()), (_posixshmem.shm_open, (1, 2)), (_posixshmem.shm_open, ("/x\\0", 2)), (_posixshmem.shm_unlink, (b"x",)), (_posixshmem.shm_unlink, ("/nonexistent-xyz",))]
                    for f, args in calls:
                        try:
                            print(f.__name__, args, f(*args))
                        except Exception as e:
                            print(f.__name__, args, type(e).__name__, e)
                    for f, kw in [(os.register_at_fork, {"before": None}), (os.register_at_fork, {"x": 1}), (os.wait4, {"pid": 1}), (os.wait4, {"options": 1, "pid": "x"}), (os.wait3, {"options": 1, "x": 2}),
                                  (os.execve, {"path": "/bin/true", "argv": ["t"], "env": 1}), (_posixshmem.shm_open, {"path": "x", "flags": 0, "mode": "q"}), (os.WIFEXITED, {"status": 0}), (os.confstr, {"name": 1})]:
                        try:
                            print(f.__name__, kw, f(**kw))
                        except Exception as e:
                            print(f.__name__, kw, type(e).__name__, e)
                    print(inspect.signature(os.wait4), inspect.signature(os.waitpid), inspect.signature(_posixshmem.shm_open))
                    """;

    /** Priorities, scheduling policies, a terminal's process group, getrandom: Java bodies of the POSIX surface. */
    private static final String SCHEDULING = """
                    import inspect, os
                    for name in ("getpriority", "setpriority", "nice", "sched_yield", "sched_get_priority_min", "sched_get_priority_max",
                                 "sched_getscheduler", "sched_getparam", "tcgetpgrp", "tcsetpgrp", "getrandom"):
                        f = getattr(os, name)
                        print(name, repr(f.__doc__), f.__text_signature__, inspect.signature(f), name in os.__all__)
                    print(os.PRIO_PROCESS, os.PRIO_PGRP, os.PRIO_USER, os.GRND_NONBLOCK, os.GRND_RANDOM, os.SCHED_OTHER, os.SCHED_FIFO,
                          os.SCHED_RR, os.SCHED_BATCH, os.SCHED_IDLE, os.SCHED_RESET_ON_FORK)
                    print(os.sched_getparam(0), os.sched_getparam(0).sched_priority)
                    calls = [(os.getpriority, (os.PRIO_PROCESS, 0)), (os.getpriority, (99, 0)), (os.getpriority, ()), (os.getpriority, ("x", 0)),
                             (os.setpriority, (os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0))), (os.setpriority, (99, 0, 0)),
                             (os.nice, (0,)), (os.nice, ()), (os.nice, ("1",)), (os.sched_yield, ()), (os.sched_yield, (1,)),
                             (os.sched_get_priority_min, (os.SCHED_FIFO,)), (os.sched_get_priority_max, (os.SCHED_RR,)),
                             (os.sched_get_priority_max, (99,)), (os.sched_get_priority_min, ()), (os.sched_getscheduler, (0,)),
                             (os.sched_getscheduler, (-1,)), (os.sched_getscheduler, (2**31,)), (os.tcgetpgrp, (-1,)), (os.tcgetpgrp, (99,)),
                             (os.tcsetpgrp, (99, 1)), (os.tcgetpgrp, ("x",)), (os.getrandom, (-1,)), (os.getrandom, ("x",)),
                             (os.getrandom, (2**63,)), (os.getrandom, ()), (os.getrandom, (1, "x")),
                             (os.sched_getparam, (-1,)), (os.sched_getparam, ("x",)), (os.sched_getparam, ())]
                    for f, args in calls:
                        try:
                            print(f.__name__, args, f(*args))
                        except Exception as e:
                            print(f.__name__, args, type(e).__name__, e)
                    for f, kwargs in ((os.getpriority, {"which": os.PRIO_PROCESS, "who": 0}), (os.sched_get_priority_max, {"policy": os.SCHED_FIFO}),
                                      (os.nice, {"increment": 0}), (os.getrandom, {"size": 2, "flags": 0, "x": 1})):
                        try:
                            print(f.__name__, sorted(kwargs), type(f(**kwargs)).__name__)
                        except Exception as e:
                            print(f.__name__, sorted(kwargs), type(e).__name__, e)
                    print(len(os.getrandom(16)), os.getrandom(0), len(os.getrandom(5, os.GRND_NONBLOCK)), os.getrandom(32) != os.getrandom(32))
                    print(os.nice(1), os.getpriority(os.PRIO_PROCESS, 0))
                    """;

    @Test
    void schedulingFunctionsAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(SCHEDULING);
        Launcher.Result r = Launcher.run("-c", SCHEDULING);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void credentialCallsAndBadCallsAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(CALLS);
        Launcher.Result r = Launcher.run("-c", CALLS);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void functionsWithPythonBodiesAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(PYTHON_BODIES);
        Launcher.Result r = Launcher.run("-c", PYTHON_BODIES);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    /** The ids of every thread of the process after setgid/setuid: one set, as after CPython's (or the same PermissionError). */
    @Test
    void aChangeOfIdsReachesEveryJvmThread() throws Exception {
        String source = """
                        import os
                        try:
                            os.setgroups([])
                            os.setresgid(65534, 65534, 65534)
                            os.setuid(65534)
                        except OSError as e:
                            print(type(e).__name__, e)
                        ids = set()
                        for task in os.listdir("/proc/self/task"):
                            with open(f"/proc/self/task/{task}/status") as status:
                                ids.add(tuple(line.split()[1] for line in status if line.startswith(("Uid:", "Gid:"))))
                        print(os.getresuid(), os.getresgid(), ids)
                        """;
        String expected = Launcher.python3(source);
        Launcher.Result r = Launcher.run("-c", source);
        assertEquals(expected, r.stdout(), r.stderr());
    }
}
