package org.graalpyos.subprocess;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * The end of CPython 3.12's child_exec, after preexec_fn, in a forked child: close fds 3.. except
 * the fds to keep (close_range, else one by one), then execve each checked program in turn with
 * the plan's environment (libc's environ, as execv, when it has none); when none succeeded, the
 * record of the first error other than ENOENT/ENOTDIR, else the last, and _exit(255). Once the fds
 * are closed the JVM cannot read its class files any more: from there on this code only uses what
 * {@link #linkInParent} ran in the parent.
 */
final class ChildExec {
    private ChildExec() {
    }

    /** Never returns. */
    static void run(ChildPlan plan) {
        CheckedExecutables executables = plan.executables();
        // every allocation before the fds are closed and the first exec
        Arena arena = Arena.ofConfined();
        MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
        MemorySegment[] paths = new MemorySegment[executables.size()];
        int[] checkErrors = new int[paths.length];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = CStrings.of(arena, executables.path(i));
            checkErrors[i] = executables.error(i);
        }
        MemorySegment argv = CStrings.array(arena, plan.argv());
        MemorySegment envp = plan.envp() != null ? CStrings.array(arena, plan.envp()) : ProcessCalls.environ();
        MemorySegment record = arena.allocate(ErrorRecord.SIZE);
        int errpipeWrite = plan.errpipeWrite();
        if (plan.closeFds()) {
            FileCalls.closeRangeExcept(errnoState, 3, Integer.MAX_VALUE, plan.fdsToKeep());
        }
        int firstError = 0;
        int error = 0;
        for (int i = 0; i < paths.length; i++) {
            error = checkErrors[i] != 0 ? checkErrors[i] : -ProcessCalls.execve(errnoState, -1, paths[i], argv, envp);
            if (error != Errno.ENOENT && error != Errno.ENOTDIR && firstError == 0) {
                firstError = error;
            }
        }
        ErrorRecord.write(errpipeWrite, record, ErrorRecord.osError(record, firstError != 0 ? firstError : error, ErrorRecord.Stage.EXEC));
        ProcessCalls.exitImmediately(255);
        throw new IllegalStateException("_exit returned");
    }

    /** In the parent: runs the calls the child makes after closing its fds (but _exit). */
    static void linkInParent() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            int error = -ProcessCalls.execve(errnoState, -1, arena.allocate(1), CStrings.array(arena, List.of()), ProcessCalls.environ()); // "": ENOENT
            MemorySegment record = arena.allocate(ErrorRecord.SIZE);
            ErrorRecord.write(-1, record, ErrorRecord.osError(record, error, ErrorRecord.Stage.EXEC));
        }
    }
}
