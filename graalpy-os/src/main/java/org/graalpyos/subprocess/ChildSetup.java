package org.graalpyos.subprocess;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.Signals;

/**
 * The part of CPython 3.12's child_exec before preexec_fn, as direct calls in a forked child, in
 * its order: the fds to keep made inheritable, the parent's pipe ends closed, the child's pipe
 * ends on 0/1/2, chdir, umask, SIGPIPE/SIGXFSZ back to SIG_DFL, setsid, setpgid, setgroups,
 * setregid, setreuid. The first failure ends the child with CPython's record
 * ("OSError:&lt;hex errno&gt;:noexec", ":noexec:chdir" for chdir).
 */
final class ChildSetup {
    private ChildSetup() {
    }

    /** Returns only when every step succeeded. */
    static void run(ChildPlan plan) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment e = Downcalls.allocateErrnoState(arena);
            for (int fd : plan.fdsToKeep()) {
                check(plan, fd == plan.errpipeWrite() ? 0 : setInheritable(e, fd, true));
            }
            for (int fd : new int[]{plan.p2cwrite(), plan.c2pread(), plan.errread()}) {
                check(plan, fd == -1 ? 0 : FileCalls.close(e, fd));
            }
            check(plan, FileCalls.close(e, plan.errpipeRead()));
            // A pipe end that is itself 0, 1 or 2 would be overwritten by an earlier dup2: move it
            // up first (a close-on-exec copy, as CPython's dup + set_inheritable(False)).
            int c2pwrite = plan.c2pwrite();
            if (c2pwrite == 0) {
                c2pwrite = FileCalls.fcntl(e, c2pwrite, FileCalls.F_DUPFD_CLOEXEC, 0);
                check(plan, c2pwrite);
            }
            int errwrite = plan.errwrite();
            while (errwrite == 0 || errwrite == 1) {
                errwrite = FileCalls.fcntl(e, errwrite, FileCalls.F_DUPFD_CLOEXEC, 0);
                check(plan, errwrite);
            }
            int[] sources = {plan.p2cread(), c2pwrite, errwrite};
            for (int target = 0; target < 3; target++) {
                int fd = sources[target];
                // dup2 onto itself would keep close-on-exec: clear it instead
                check(plan, fd == target ? setInheritable(e, fd, true) : fd != -1 ? FileCalls.dup2(e, fd, target) : 0);
            }
            if (plan.cwd() != null) {
                int rc = FileCalls.chdir(e, CStrings.of(arena, plan.cwd()));
                if (rc < 0) {
                    SubprocessChild.failWithErrno(plan, -rc, ErrorRecord.Stage.CHDIR);
                }
            }
            if (plan.umask() >= 0) {
                ProcessCalls.umask(e, plan.umask());
            }
            if (plan.restoreSignals()) {
                // _Py_RestoreSignals: PyOS_setsig(SIG_DFL), errors ignored
                MemorySegment defaultAction = arena.allocate(SignalCalls.SIGACTION_SIZE);
                SignalCalls.sigaction(e, Signals.SIGPIPE, defaultAction, MemorySegment.NULL);
                SignalCalls.sigaction(e, Signals.SIGXFSZ, defaultAction, MemorySegment.NULL);
            }
            if (plan.setsid()) {
                check(plan, ProcessCalls.setsid(e));
            }
            if (plan.pgid() >= 0) {
                check(plan, ProcessCalls.setpgid(e, 0, plan.pgid()));
            }
            if (plan.groups().length > 0) {
                check(plan, ProcessCalls.setgroups(arena, e, plan.groups()));
            }
            if (plan.gid() != -1) {
                check(plan, ProcessCalls.setregid(e, plan.gid(), plan.gid()));
            }
            if (plan.uid() != -1) {
                check(plan, ProcessCalls.setreuid(e, plan.uid(), plan.uid()));
            }
        }
    }

    /** A step's result: an fd or 0 goes on, -errno ends the child. */
    private static void check(ChildPlan plan, int rc) {
        if (rc < 0) {
            SubprocessChild.failWithErrno(plan, -rc, ErrorRecord.Stage.SETUP);
        }
    }

    /** CPython's _Py_set_inheritable_async_safe: 0 or -errno. */
    private static int setInheritable(MemorySegment errnoState, int fd, boolean inheritable) {
        int flags = FileCalls.fcntl(errnoState, fd, FileCalls.F_GETFD, 0);
        if (flags < 0) {
            return flags;
        }
        int wanted = inheritable ? flags & ~FileCalls.FD_CLOEXEC : flags | FileCalls.FD_CLOEXEC;
        return wanted == flags ? 0 : FileCalls.fcntl(errnoState, fd, FileCalls.F_SETFD, wanted);
    }
}
