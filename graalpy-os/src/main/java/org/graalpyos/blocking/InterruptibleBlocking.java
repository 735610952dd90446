package org.graalpyos.blocking;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import com.oracle.truffle.api.TruffleSafepoint;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.WaitCalls;

/**
 * The one way a call of ours blocks while Python signal handlers can still run (PEP 475): os.wait*,
 * select.select, poll.poll, epoll.poll. A handler runs while the call is blocked; if it raises, the
 * exception leaves the call; if it returns, the call goes on, towards the same deadline.
 *
 * GraalPy runs a handler as a Truffle thread-local action on the main thread, which a thread
 * blocked in a system call never reaches (the JVM's signal handlers restart or merely interrupt
 * it). So every call blocks in poll(2) on its own fds and an eventfd that Truffle's interrupter
 * writes to when an action is due: the call then throws InterruptedException, Truffle runs the
 * pending actions (the handlers), and calls {@link Call#block} again, which polls again with the
 * time left. No lambdas: forked children block too (D15), and {@code ForkChildCalls} links the
 * calls made here before a fork.
 */
public final class InterruptibleBlocking {
    /** A deadline that never comes. */
    public static final long FOREVER = Long.MAX_VALUE;
    /** How often a call that could get no wake fd (the process is at its fd limit) looks for due handlers. */
    private static final int NO_FD_TICK_MILLIS = 20;
    /** What the interrupter adds to the eventfd (shared: only ever read by write(2)). */
    private static final MemorySegment ONE = Arena.global().allocate(JAVA_LONG);
    /** Where a reset drains the eventfd's counter (shared: the contents are never used). */
    private static final MemorySegment DRAINED = Arena.global().allocate(JAVA_LONG);

    static {
        ONE.set(JAVA_LONG, 0, 1L);
    }

    private InterruptibleBlocking() {
    }

    /**
     * One blocking call. {@link #block} is called again after handlers ran, so what must survive
     * an interruption (the deadline) is the call's state, set before {@link #run}.
     */
    public abstract static class Call<R> {
        /** The fds the call polls (its entries: at most as many). */
        protected abstract int[] fds();

        /** Blocks through {@link Blocker#poll} until the call's result is ready; throws what poll throws. */
        protected abstract R block(Blocker blocker) throws InterruptedException;
    }

    /**
     * A call that blocks as attempts until one reports a result (null: not yet), polling between
     * them on an fd readable when one may succeed, or, without one, on a timer (1 ms, doubling up
     * to 50 ms); null once its timeout has passed.
     */
    public abstract static class Attempts<R> extends Call<R> {
        private static final long MAX_BACKOFF_NANOS = 50_000_000;
        private final int fd;
        private final long deadline;

        /** @param fd readable when an attempt may succeed, or -1; @param timeoutNanos negative: none */
        protected Attempts(int fd, long timeoutNanos) {
            this.fd = fd;
            this.deadline = deadline(timeoutNanos);
        }

        /** One attempt that does not block: its result, or null. */
        protected abstract R attempt();

        @Override
        protected final int[] fds() {
            return new int[]{fd};
        }

        @Override
        protected final R block(Blocker blocker) throws InterruptedException {
            long backoff = 1_000_000;
            while (System.nanoTime() - deadline < 0) {
                blocker.set(0, fd, FileCalls.POLLIN);
                blocker.poll(1, fd >= 0 ? deadline : Math.min(deadline, deadline(backoff)));
                R ready = attempt();
                if (ready != null) {
                    return ready;
                }
                backoff = Math.min(2 * backoff, MAX_BACKOFF_NANOS);
            }
            return null;
        }
    }

    /** Runs {@code attempts}: its first attempt, then, while it reports nothing, {@link #run}. */
    public static <R> R until(Attempts<R> attempts) {
        R ready = attempts.attempt();
        return ready != null ? ready : run(attempts);
    }

    /** {@link #until(Attempts)} of a Supplier's attempts. */
    public static <R> R until(Supplier<R> attempt, int fd, long timeoutNanos) {
        return until(new SupplierAttempts<R>(attempt, fd, timeoutNanos));
    }

    private static final class SupplierAttempts<R> extends Attempts<R> {
        private final Supplier<R> attempt;

        SupplierAttempts(Supplier<R> attempt, int fd, long timeoutNanos) {
            super(fd, timeoutNanos);
            this.attempt = attempt;
        }

        @Override
        protected R attempt() {
            return attempt.get();
        }
    }

    /** The deadline {@code timeoutNanos} from now; {@link #FOREVER} for a negative timeout (none). */
    public static long deadline(long timeoutNanos) {
        if (timeoutNanos < 0) {
            return FOREVER;
        }
        try {
            return Math.addExact(System.nanoTime(), timeoutNanos);
        } catch (ArithmeticException e) {
            return FOREVER;
        }
    }

    /** Runs {@code call} with Python signal handlers enabled while it blocks. */
    public static <R> R run(Call<R> call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            int[] fds = call.fds();
            int wakeFd = wakeFd(errnoState, fds);
            try {
                // the interrupter runs on other threads: its own errno state, freed by the GC
                WakeFdInterrupter interrupter = new WakeFdInterrupter(Downcalls.allocateErrnoState(Arena.ofAuto()), wakeFd);
                Blocker blocker = new Blocker(errnoState, arena.allocate((1 + fds.length) * FileCalls.POLLFD_SIZE, 8), interrupter);
                return TruffleSafepoint.getCurrent().setBlockedFunction(null, interrupter, new Blocked<R>(blocker), call, null, null);
            } finally {
                if (wakeFd >= 0) {
                    FileCalls.close(errnoState, wakeFd);
                }
            }
        }
    }

    /**
     * A new eventfd, numbered apart from the call's fds: the lowest free number is that of an fd the
     * program closed and still polls, which must stay closed (POLLNVAL, EBADF), not be the wake fd.
     */
    private static int wakeFd(MemorySegment errnoState, int[] fds) {
        int wakeFd = WaitCalls.eventfd(errnoState);
        if (wakeFd < 0) {
            return -1; // EMFILE at the fd limit: the interrupter sets a flag that the poll checks on a timer
        }
        int above = -1;
        boolean taken = false;
        for (int fd : fds) {
            above = Math.max(above, fd);
            taken |= fd == wakeFd;
        }
        if (!taken) {
            return wakeFd;
        }
        int moved = FileCalls.fcntl(errnoState, wakeFd, FileCalls.F_DUPFD_CLOEXEC, above + 1);
        FileCalls.close(errnoState, wakeFd);
        return Math.max(moved, -1);
    }

    /** What a call blocks with: poll(2) on its entries (0 ..) and, before them, the wake fd. */
    public static final class Blocker {
        private final MemorySegment errnoState;
        private final MemorySegment pollfds;
        private final WakeFdInterrupter interrupter;

        Blocker(MemorySegment errnoState, MemorySegment pollfds, WakeFdInterrupter interrupter) {
            this.errnoState = errnoState;
            this.pollfds = pollfds;
            this.interrupter = interrupter;
        }

        /** A confined errno state the call may use for its own native calls. */
        public MemorySegment errnoState() {
            return errnoState;
        }

        /** Sets the call's entry {@code index} to {@code fd} (negative: skipped) and {@code events}. */
        public void set(int index, int fd, int events) {
            FileCalls.setPollfd(pollfds, index + 1, fd, events);
        }

        /** The revents of the call's entry {@code index} after {@link #poll}. */
        public int revents(int index) {
            return FileCalls.revents(pollfds, index + 1);
        }

        /**
         * poll(2) on the call's first {@code count} entries until one is ready or {@code deadline}
         * ({@link System#nanoTime}, at least one poll) has passed: the count of ready entries (0 at
         * the deadline) or -errno. Throws InterruptedException when Python handlers are due.
         */
        public int poll(int count, long deadline) throws InterruptedException {
            int wakeFd = interrupter.wakeFd;
            FileCalls.setPollfd(pollfds, 0, wakeFd, FileCalls.POLLIN);
            while (true) {
                int timeout = remainingMillis(deadline);
                int rc = FileCalls.poll(errnoState, pollfds, count + 1, wakeFd >= 0 || timeout >= 0 && timeout < NO_FD_TICK_MILLIS ? timeout : NO_FD_TICK_MILLIS);
                if (wakeFd < 0 ? interrupter.interrupted : rc > 0 && FileCalls.revents(pollfds, 0) != 0) {
                    throw new InterruptedException(); // Truffle runs the pending actions, then calls block again
                }
                if (rc == -Errno.EINTR || wakeFd < 0 && rc == 0 && timeout != 0) {
                    continue; // a JVM handler's signal, or a tick: the deadline has not come
                }
                return rc;
            }
        }

        /** poll's timeout: the milliseconds to the deadline rounded up (CPython's _PyTime_ROUND_CEILING), -1 for none. */
        private static int remainingMillis(long deadline) {
            if (deadline == FOREVER) {
                return -1;
            }
            long nanos = deadline - System.nanoTime();
            if (nanos <= 0) {
                return 0;
            }
            return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
        }
    }

    private static final class Blocked<R> implements TruffleSafepoint.InterruptibleFunction<Call<R>, R> {
        private final Blocker blocker;

        Blocked(Blocker blocker) {
            this.blocker = blocker;
        }

        @Override
        public R apply(Call<R> call) throws InterruptedException {
            return call.block(blocker);
        }
    }

    /** Writes the wake fd; without one (-1) sets a flag, which the poll reads every {@link #NO_FD_TICK_MILLIS}. */
    private static final class WakeFdInterrupter implements TruffleSafepoint.Interrupter {
        private final MemorySegment errnoState;
        final int wakeFd;
        volatile boolean interrupted;

        WakeFdInterrupter(MemorySegment errnoState, int wakeFd) {
            this.errnoState = errnoState;
            this.wakeFd = wakeFd;
        }

        @Override
        public void interrupt(Thread thread) {
            interrupted = true;
            if (wakeFd >= 0) {
                FileCalls.write(errnoState, wakeFd, ONE, JAVA_LONG.byteSize());
            }
        }

        @Override
        public void resetInterrupted() {
            interrupted = false;
            if (wakeFd >= 0) {
                FileCalls.read(errnoState, wakeFd, DRAINED, JAVA_LONG.byteSize());
            }
        }
    }
}
