package org.graalpyos.wait;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.nativeapi.Libc;
import org.graalpyos.nativeapi.NativeError;

/**
 * wait4(2) and waitid(2), the calls behind os.wait/wait3/wait4/waitpid/waitid. EINTR is retried
 * here (PEP 475); GraalPy runs Python signal handlers on its own threads, so none can have
 * raised in the meantime.
 */
public final class Wait {
    private static final int EINTR = 4;
    /** struct rusage: two timevals, then 14 longs. */
    private static final int RUSAGE_LONGS = (int) (Libc.RUSAGE_SIZE / Long.BYTES);
    private static final long SI_SIGNO = 0;
    private static final long SI_CODE = 8;
    private static final long SI_PID = 16;
    private static final long SI_UID = 20;
    private static final long SI_STATUS = 24;

    private Wait() {
    }

    /**
     * wait4(pid, options): {pid, status, 18 rusage longs (utime sec/usec, stime sec/usec, maxrss ...
     * nivcsw)}; the rusage is all zeros when no child was reaped (pid 0, bpo-36279).
     */
    public static long[] wait4(int pid, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Libc.allocateErrnoState(arena);
            MemorySegment status = arena.allocate(JAVA_INT);
            MemorySegment rusage = arena.allocate(Libc.RUSAGE_SIZE, 8);
            int result;
            do {
                result = Libc.wait4(errnoState, pid, status, options, rusage);
            } while (result < 0 && Libc.errno(errnoState) == EINTR);
            if (result < 0) {
                throw new NativeError(Libc.errno(errnoState));
            }
            long[] out = new long[2 + RUSAGE_LONGS];
            out[0] = result;
            out[1] = status.get(JAVA_INT, 0);
            for (int i = 0; i < RUSAGE_LONGS; i++) {
                out[2 + i] = result == 0 ? 0 : rusage.getAtIndex(JAVA_LONG, i);
            }
            return out;
        }
    }

    /** Blocks until {@code pid} has exited and returns its wait status (for children no Python code knows of). */
    public static int reap(int pid) {
        return (int) wait4(pid, 0)[1];
    }

    /** waitid(idtype, id, options): {si_pid, si_uid, si_signo, si_status, si_code}; si_pid 0 means none ready. */
    public static long[] waitid(int idtype, int id, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Libc.allocateErrnoState(arena);
            MemorySegment info = arena.allocate(Libc.SIGINFO_SIZE, 8);
            int result;
            do {
                result = Libc.waitid(errnoState, idtype, id, info, options);
            } while (result < 0 && Libc.errno(errnoState) == EINTR);
            if (result < 0) {
                throw new NativeError(Libc.errno(errnoState));
            }
            return new long[]{info.get(JAVA_INT, SI_PID), Integer.toUnsignedLong(info.get(JAVA_INT, SI_UID)),
                            info.get(JAVA_INT, SI_SIGNO), info.get(JAVA_INT, SI_STATUS), info.get(JAVA_INT, SI_CODE)};
        }
    }
}
