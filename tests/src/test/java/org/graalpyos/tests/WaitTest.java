package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** os.wait, wait3, wait4, waitpid, waitid against real children, statuses and signals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WaitTest {
    private Python py;

    @BeforeAll
    void start() {
        py = Python.full();
        py.eval("""
                        import os, signal, time, resource
                        def sh(script, **kw):
                            return os.posix_spawn('/bin/sh', ['sh', '-c', script], os.environ, **kw)
                        """);
    }

    @AfterAll
    void stop() {
        py.close();
    }

    private String run(String code) {
        return py.run(code).asString();
    }

    @Test
    void waitReapsAnyChildWithItsExitStatus() {
        assertEquals("True 5", run("""
                        pid = sh('exit 5')
                        wpid, status = os.wait()
                        result = f"{wpid == pid} {os.WEXITSTATUS(status)}"
                        """));
    }

    @Test
    void noChildrenIsChildProcessError() {
        assertEquals("ChildProcessError: [Errno 10] No child processes|ChildProcessError|ChildProcessError|ChildProcessError", run("""
                        result = '|'.join([error_of(os.wait), error_of(lambda: os.wait3(0)).split(':')[0],
                                           error_of(lambda: os.wait4(-1, 0)).split(':')[0],
                                           error_of(lambda: os.waitid(os.P_ALL, 0, os.WEXITED)).split(':')[0]])
                        """));
    }

    @Test
    void wait3WithNothingReadyReturnsZerosAndAZeroedRusage() {
        assertEquals("0 0 True struct_rusage 16", run("""
                        pid = os.posix_spawn('/bin/sleep', ['sleep', '5'], {})
                        wpid, status, usage = os.wait3(os.WNOHANG)
                        os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0)
                        result = f"{wpid} {status} {all(v == 0 for v in usage)} {type(usage).__name__} {len(usage)}"
                        """));
    }

    @Test
    void wait4ReportsTheChildsRusage() {
        assertEquals("True True True", run("""
                        pid = sh('i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done')
                        wpid, status, usage = os.wait4(pid, 0)
                        result = f"{wpid == pid} {usage.ru_utime + usage.ru_stime > 0} {usage.ru_maxrss > 0}"
                        """));
    }

    @Test
    void signalledStoppedAndContinuedStatuses() {
        assertEquals("-9 True 19 True", run("""
                        pid = os.posix_spawn('/bin/sleep', ['sleep', '30'], {})
                        os.kill(pid, signal.SIGSTOP)
                        _, stopped = os.waitpid(pid, os.WUNTRACED)
                        os.kill(pid, signal.SIGCONT)
                        _, continued = os.waitpid(pid, os.WCONTINUED)
                        os.kill(pid, signal.SIGKILL)
                        _, killed = os.waitpid(pid, 0)
                        result = f"{os.waitstatus_to_exitcode(killed)} {os.WIFSTOPPED(stopped)} {os.WSTOPSIG(stopped)} {os.WIFCONTINUED(continued)}"
                        """));
    }

    @Test
    void waitidReportsPidUidSignalAndCode() {
        assertEquals("True True 17 3 1 None", run("""
                        pid = sh('exit 3')
                        info = os.waitid(os.P_PID, pid, os.WEXITED)
                        sleeper = os.posix_spawn('/bin/sleep', ['sleep', '5'], {})
                        nothing = os.waitid(os.P_PID, sleeper, os.WEXITED | os.WNOHANG)
                        os.kill(sleeper, signal.SIGKILL); os.waitpid(sleeper, 0)
                        result = f"{info.si_pid == pid} {info.si_uid == os.getuid()} {info.si_signo} {info.si_status} {info.si_code} {nothing}"
                        """));
    }

    @Test
    void waitidWithWnowaitLeavesTheChildWaitable() {
        assertEquals("4 4", run("""
                        pid = sh('exit 4')
                        peek = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
                        _, status = os.waitpid(pid, 0)
                        result = f"{peek.si_status} {os.WEXITSTATUS(status)}"
                        """));
    }

    @Test
    void waitidResultIsAStructSequence() {
        assertEquals("posix.waitid_result(si_pid=1, si_uid=2, si_signo=3, si_status=4, si_code=5) 5 True", run("""
                        import pickle
                        r = os.waitid_result((1, 2, 3, 4, 5))
                        result = f"{r!r} {r.n_fields} {pickle.loads(pickle.dumps(r)) == r}"
                        """));
    }

    @Test
    void argumentTypesAreCheckedAsCPythonDoes() {
        // wait4's pid_t argument is parsed with the legacy "i" format, hence its overflow message
        assertEquals("TypeError: 'float' object cannot be interpreted as an integer|"
                        + "TypeError: 'str' object cannot be interpreted as an integer|"
                        + "OverflowError: signed integer is greater than maximum", run("""
                        result = '|'.join([error_of(lambda: os.wait3(0.0)), error_of(lambda: os.waitpid('1', 0)),
                                           error_of(lambda: os.wait4(2**40, 0))])
                        """));
    }

    @Test
    void waitpidIsPositionalOnlyAndWait4AcceptsKeywords() {
        assertEquals("TypeError True", run("""
                        e = error_of(lambda: os.waitpid(pid=-1, options=0)).split(':')[0]
                        pid = sh('exit 0')
                        result = f"{e} {os.wait4(pid=pid, options=0)[0] == pid}"
                        """));
    }
}
