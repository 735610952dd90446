package org.graalpyos.wait;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import com.oracle.truffle.api.TruffleSafepoint;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.WaitCalls;
import org.graalpyos.nativeapi.NativeError;

/**
 * A blocking wait for a child that Python signal handlers can interrupt, as PEP 475 has it: the
 * handler runs while the wait is blocked; if it raises (default_int_handler's KeyboardInterrupt)
 * the exception leaves the wait and the child stays unreaped; if it returns, the wait goes on.
 *
 * GraalPy runs a handler as a Truffle thread-local action on the main thread, which a thread
 * blocked in wait4(2) never reaches (the JVM's signal handlers restart the call). So the thread
 * polls instead: a WNOHANG attempt, then poll(2) on an eventfd that Truffle's interrupter writes
 * to and, for exits of one child, the child's pidfd; without a pidfd (any child, a process group,
 * stops and continues) the poll also wakes on a timer (1 ms, doubling up to 50 ms) to try again.
 */
public final class InterruptibleWait {
    private static final int MAX_BACKOFF_MILLIS = 50;
    /** What the interrupter adds to the eventfd (shared: only ever read by write(2)). */
    private static final MemorySegment ONE = Arena.global().allocate(JAVA_LONG);
    /** Where a reset drains the eventfd's counter (shared: the contents are never used). */
    private static final MemorySegment DRAINED = Arena.global().allocate(JAVA_LONG);

    static {
        ONE.set(JAVA_LONG, 0, 1L);
    }

    private InterruptibleWait() {
    }

    /**
     * Calls {@code attempt} (a WNOHANG wait: null while no child is ready) until it reports one.
     *
     * @param childFd a pidfd readable once the awaited child has exited, or -1
     */
    static <R> R until(Supplier<R> attempt, int childFd) {
        return until(attempt, childFd, -1);
    }

    /**
     * {@link #until(Supplier, int)} for at most {@code timeoutNanos} (negative: no limit): null once
     * it has passed (signal.sigtimedwait's timeout).
     */
    public static <R> R until(Supplier<R> attempt, int childFd, long timeoutNanos) {
        R ready = attempt.get();
        if (ready != null) {
            return ready;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
            int wakeFd = (int) NativeError.check(WaitCalls.eventfd(errnoState));
            // the interrupter runs on other threads: its own errno state, freed by the GC
            MemorySegment interrupterErrnoState = Downcalls.allocateErrnoState(Arena.ofAuto());
            try {
                MemorySegment pollfds = arena.allocate(2 * FileCalls.POLLFD_SIZE, 8);
                TruffleSafepoint.Interrupter interrupter = new TruffleSafepoint.Interrupter() {
                    @Override
                    public void interrupt(Thread thread) {
                        FileCalls.write(interrupterErrnoState, wakeFd, ONE, JAVA_LONG.byteSize());
                    }

                    @Override
                    public void resetInterrupted() {
                        FileCalls.read(interrupterErrnoState, wakeFd, DRAINED, JAVA_LONG.byteSize());
                    }
                };
                return TruffleSafepoint.getCurrent().setBlockedFunction(null, interrupter,
                                unused -> pollUntilReady(attempt, errnoState, pollfds, wakeFd, childFd, deadline), null, null, null);
            } finally {
                FileCalls.close(errnoState, wakeFd);
            }
        }
    }

    private static <R> R pollUntilReady(Supplier<R> attempt, MemorySegment errnoState, MemorySegment pollfds, int wakeFd, int childFd,
                    long deadline) throws InterruptedException {
        int[] fds = {wakeFd, childFd};
        int backoff = 1;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            int timeout = childFd >= 0 ? -1 : backoff;
            if (deadline != Long.MAX_VALUE) {
                int leftMillis = (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
                timeout = timeout < 0 ? leftMillis : Math.min(timeout, leftMillis);
            }
            int rc = FileCalls.pollIn(errnoState, pollfds, fds, timeout);
            if (rc > 0 && FileCalls.polledReady(pollfds, 0)) {
                throw new InterruptedException(); // Truffle runs the pending actions, then calls again
            }
            R ready = attempt.get();
            if (ready != null) {
                return ready;
            }
            backoff = Math.min(2 * backoff, MAX_BACKOFF_MILLIS);
        }
    }
}
