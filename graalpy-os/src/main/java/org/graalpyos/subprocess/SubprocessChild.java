package org.graalpyos.subprocess;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.graalpyos.nativeapi.ForkChildCalls;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * The plan a child of subprocess_fork was forked for, as the Context's permissions and the host's
 * policy allowed it in the parent. The child's builtins act on this plan only and refuse in any
 * process subprocess_fork did not fork (the parent, a child of os.fork). Ends the child itself on
 * a failure: once it reports on errpipe_write, no Python code of its may run.
 */
public final class SubprocessChild {
    /** Set only in a child, after the fork. */
    private static volatile ChildPlan current;
    private static final MemorySegment RECORD = Arena.global().allocate(ErrorRecord.SIZE);

    private SubprocessChild() {
    }

    private static boolean linked;

    /** In the parent, before the fork: links every call the child makes, once per process (a forked JVM child must not link). */
    public static synchronized void prepare() {
        if (!linked) {
            ForkChildCalls.linkSubprocessChildCalls();
            ErrorRecord.linkInParent(RECORD);
            ChildExec.linkInParent();
            linked = true;
        }
    }

    public static void enter(ChildPlan plan) {
        current = plan;
    }

    /** The plan, or null outside a child of subprocess_fork. */
    public static ChildPlan plan() {
        return current;
    }

    /** The steps before preexec_fn; returns only when all succeeded, else ends the child. */
    public static void setUp(ChildPlan plan) {
        ChildSetup.run(plan);
    }

    /** close_fds and the exec loop; never returns. */
    public static void exec(ChildPlan plan) {
        ChildExec.run(plan);
    }

    /** CPython's child after a failed step: the record on errpipe_write, then _exit(255). */
    static void fail(ChildPlan plan, int length) {
        ErrorRecord.write(plan.errpipeWrite(), RECORD, length);
        ProcessCalls.exitImmediately(255);
        throw new IllegalStateException("_exit returned");
    }

    static void failWithErrno(ChildPlan plan, int errno, ErrorRecord.Stage stage) {
        fail(plan, ErrorRecord.osError(RECORD, errno, stage));
    }

    /** "SubprocessError:0:message" (preexec_fn raised, or the child's Python failed), then _exit(255). */
    public static void failWithMessage(ChildPlan plan, String message) {
        fail(plan, ErrorRecord.subprocessError(RECORD, message));
    }
}
