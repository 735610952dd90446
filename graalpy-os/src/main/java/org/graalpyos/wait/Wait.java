package org.graalpyos.wait;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.blocking.InterruptibleBlocking;
import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.WaitCalls;
import org.graalpyos.nativeapi.NativeError;

/**
 * wait4(2) and waitid(2), the calls behind os.wait/wait3/wait4/waitpid/waitid. EINTR is retried
 * here (PEP 475); Python's blocking waits go through {@link InterruptibleBlocking}, so that signal
 * handlers run (and may raise) while they block.
 */
public final class Wait {
    @CConstant private static final int WNOHANG = 1;
    /** wait4's WUNTRACED and waitid's WSTOPPED, and WCONTINUED: events a pidfd does not signal. */
    @CConstant("WUNTRACED | WCONTINUED") private static final int STOP_EVENTS = 2 | 8;
    @CConstant private static final int WEXITED = 4;
    @CConstant private static final int P_PID = 1;
    @CConstant private static final int P_PIDFD = 3;
    /** struct rusage: two timevals, then 14 longs. */
    private static final int RUSAGE_LONGS = (int) (WaitCalls.RUSAGE_SIZE / Long.BYTES);
    @CConstant("offsetof(siginfo_t, si_signo)") private static final long SI_SIGNO = 0;
    @CConstant("offsetof(siginfo_t, si_code)") private static final long SI_CODE = 8;
    @CConstant("offsetof(siginfo_t, si_pid)") private static final long SI_PID = 16;
    @CConstant("offsetof(siginfo_t, si_uid)") private static final long SI_UID = 20;
    @CConstant("offsetof(siginfo_t, si_status)") private static final long SI_STATUS = 24;

    private Wait() {
    }

    /**
     * wait4(pid, options): {pid, status, 18 rusage longs (utime sec/usec, stime sec/usec, maxrss ...
     * nivcsw)}; the rusage is all zeros when no child was reaped (pid 0, bpo-36279).
     */
    public static long[] wait4(int pid, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment status = arena.allocate(JAVA_INT);
            MemorySegment rusage = arena.allocate(WaitCalls.RUSAGE_SIZE, 8);
            int result;
            do {
                result = WaitCalls.wait4(errnoState, pid, status, options, rusage);
            } while (result == -Errno.EINTR);
            NativeError.check(result);
            long[] out = new long[2 + RUSAGE_LONGS];
            out[0] = result;
            out[1] = status.get(JAVA_INT, 0);
            for (int i = 0; i < RUSAGE_LONGS; i++) {
                out[2 + i] = result == 0 ? 0 : rusage.getAtIndex(JAVA_LONG, i);
            }
            return out;
        }
    }

    /** wait4 for Python: a blocking one runs Python signal handlers while it blocks. */
    public static long[] wait4Interruptibly(int pid, int options) {
        if ((options & WNOHANG) != 0) {
            return wait4(pid, options);
        }
        int pidfd = pid > 0 && (options & STOP_EVENTS) == 0 ? pidfd(pid) : -1;
        try {
            return InterruptibleBlocking.until(new Wait4(pid, options, pidfd));
        } finally {
            if (pidfd >= 0) {
                closeFd(pidfd);
            }
        }
    }

    /** waitid for Python: a blocking one runs Python signal handlers while it blocks. */
    public static long[] waitidInterruptibly(int idtype, int id, int options) {
        if ((options & WNOHANG) != 0) {
            return waitid(idtype, id, options);
        }
        boolean exitsOnly = (options & WEXITED) != 0 && (options & STOP_EVENTS) == 0;
        int ownPidfd = exitsOnly && idtype == P_PID ? pidfd(id) : -1;
        try {
            return InterruptibleBlocking.until(new Waitid(idtype, id, options, exitsOnly && idtype == P_PIDFD ? id : ownPidfd));
        } finally {
            if (ownPidfd >= 0) {
                closeFd(ownPidfd);
            }
        }
    }

    /** A blocking wait: WNOHANG attempts, polling between them on the child's pidfd (readable once it has exited) or a timer. */
    private abstract static class UntilReady extends InterruptibleBlocking.Attempts<long[]> {
        UntilReady(int childFd) {
            super(childFd, -1);
        }
    }

    private static final class Wait4 extends UntilReady {
        private final int pid;
        private final int options;

        Wait4(int pid, int options, int childFd) {
            super(childFd);
            this.pid = pid;
            this.options = options;
        }

        @Override
        protected long[] attempt() {
            long[] result = wait4(pid, options | WNOHANG);
            return result[0] == 0 ? null : result;
        }
    }

    private static final class Waitid extends UntilReady {
        private final int idtype;
        private final int id;
        private final int options;

        Waitid(int idtype, int id, int options, int childFd) {
            super(childFd);
            this.idtype = idtype;
            this.id = id;
            this.options = options;
        }

        @Override
        protected long[] attempt() {
            long[] info = waitid(idtype, id, options | WNOHANG);
            return info[0] == 0 ? null : info;
        }
    }

    /** A pidfd of {@code pid}, or -1 (no such process, no pidfd_open): the wait then polls on a timer. */
    private static int pidfd(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            return Math.max(-1, WaitCalls.pidfdOpen(Downcalls.allocateErrnoState(arena), pid));
        }
    }

    private static void closeFd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            FileCalls.close(Downcalls.allocateErrnoState(arena), fd);
        }
    }

    /** Blocks until {@code pid} has exited and returns its wait status (for children no Python code knows of). */
    public static int reap(int pid) {
        return (int) wait4(pid, 0)[1];
    }

    /** waitid(idtype, id, options): {si_pid, si_uid, si_signo, si_status, si_code}; si_pid 0 means none ready. */
    public static long[] waitid(int idtype, int id, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment info = arena.allocate(WaitCalls.SIGINFO_SIZE, 8);
            int result;
            do {
                result = WaitCalls.waitid(errnoState, idtype, id, info, options);
            } while (result == -Errno.EINTR);
            NativeError.check(result);
            return new long[]{info.get(JAVA_INT, SI_PID), Integer.toUnsignedLong(info.get(JAVA_INT, SI_UID)),
                            info.get(JAVA_INT, SI_SIGNO), info.get(JAVA_INT, SI_STATUS), info.get(JAVA_INT, SI_CODE)};
        }
    }
}
