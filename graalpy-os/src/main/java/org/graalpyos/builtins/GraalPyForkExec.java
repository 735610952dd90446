package org.graalpyos.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalpyos.language.OsContext;
import org.graalpyos.language.PythonValues;
import org.graalpyos.spawn.ExecDefaultSignals;
import org.graalpyos.spawn.JvmFdsCloseOnExec;
import org.graalpyos.subprocess.CheckedExecutables;
import org.graalpyos.subprocess.ChildPlan;

/**
 * GraalPy's own _posixsubprocess.fork_exec (a fork of the whole JVM from C) for a checked plan
 * that posix_spawn cannot reproduce, or after a spawn failed: GraalPy's child then reports the
 * error as CPython's does. It is called with values made from the plan only, so it runs exactly
 * the programs the policy allowed: those that did not exist when checked are left out (when none
 * is left, "" stands for them: its exec fails with ENOENT). Its child restores no signal:
 * restore_signals is done around it.
 */
final class GraalPyForkExec {
    private static final byte[] NO_PROGRAM = new byte[0];
    private static final AtomicInteger CALLS = new AtomicInteger();

    private GraalPyForkExec() {
    }

    static Object run(OsContext context, ChildPlan plan) {
        Object forkExec = context.graalPyForkExec();
        if (forkExec == null) {
            throw context.errors().runtimeError("fork_exec(): GraalPy's fork_exec was not handed over at install");
        }
        PythonValues v = context.values();
        Object none = v.none();
        Object[] arguments = {v.bytesList(plan.argv()), v.bytesList(runnable(plan.executables())), plan.closeFds(),
                        v.intTuple(plan.fdsToKeep()), plan.cwd() == null ? none : v.bytes(plan.cwd()),
                        plan.envp() == null ? none : v.bytesList(plan.envp()), plan.p2cread(), plan.p2cwrite(), plan.c2pread(),
                        plan.c2pwrite(), plan.errread(), plan.errwrite(), plan.errpipeRead(), plan.errpipeWrite(), plan.restoreSignals(),
                        plan.setsid(), -1, none, none, none, -1, none, true};
        CALLS.incrementAndGet();
        JvmFdsCloseOnExec.markJvmFiles(); // GraalPy's child passes on every fd not close-on-exec
        if (!plan.restoreSignals()) {
            return v.execute(forkExec, arguments);
        }
        ExecDefaultSignals.begin();
        try {
            return v.execute(forkExec, arguments);
        } finally {
            ExecDefaultSignals.end();
        }
    }

    /** Calls so far, for the diagnostics builtin graalpy_fork_exec_calls. */
    static int calls() {
        return CALLS.get();
    }

    private static List<byte[]> runnable(CheckedExecutables executables) {
        List<byte[]> paths = new ArrayList<>();
        for (int i = 0; i < executables.size(); i++) {
            if (executables.error(i) == 0) {
                paths.add(executables.path(i));
            }
        }
        return paths.isEmpty() ? List.of(NO_PROGRAM) : paths;
    }
}
