package org.graalpyos.signals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.blocking.InterruptibleBlocking;
import org.graalpyos.jvm.JvmInternals;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.Signals;
import org.graalpyos.nativeapi.SystemCalls;
import org.graalpyos.nativeapi.WaitCalls;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Signal masks as CPython has them, in a process whose other threads are the JVM's (docs/decisions.md
 * D19). A process-directed signal goes to any thread that does not block it; blocking it in the
 * Python thread leaves the JVM's threads to take it. The JVM's handler of a signal Python blocked
 * ({@link WakeupFd.Writing} before a Python handler, {@link Holding} where Python has the default)
 * therefore sends it on with tgkill(2) to the thread that blocks it (a sigwait of it first, else the
 * main thread), where the kernel keeps it pending: sigpending, sigwait and unblocking then see it as
 * under CPython. A Python handler that CPython runs before the call returns (unblocking a pending
 * signal, pthread_kill of the calling thread, pause) is taken from the JVM's handler here and run by
 * the shim ({@link #await}). Masks are sets of signals 1..64, bit {@code n - 1}.
 */
public final class HeldSignals {
    /** The JVM's suspend/resume signal (HotSpot's default; _JAVA_SR_SIGNUM overrides it). */
    private static final int SR_SIGNAL = srSignal();
    /**
     * Signals whose mask in the kernel stays as HotSpot set it: it needs its synchronous faults and
     * suspend/resume signal delivered in every thread, and it blocks SIGQUIT (thread dumps) in all
     * threads but its own. Python's mask of them is kept here, per thread.
     */
    public static final long JVM_SIGNALS = bit(Signals.SIGILL) | bit(Signals.SIGTRAP) | bit(Signals.SIGBUS) | bit(Signals.SIGFPE) | bit(Signals.SIGSEGV)
                    | bit(SR_SIGNAL) | bit(Signals.SIGQUIT);
    /** Their default action is to ignore them. */
    private static final long IGNORED_BY_DEFAULT = bit(Signals.SIGCHLD) | bit(Signals.SIGCONT) | bit(Signals.SIGURG) | bit(Signals.SIGWINCH);
    /** The JDK runs each Java signal handler on a new thread named so. */
    private static final String HANDLER_THREAD_SUFFIX = " handler";
    /** HotSpot's thread that takes the signals its handler counted and starts their handler threads. */
    private static final String DISPATCHER = "Signal Dispatcher";
    private static final long SETTLE_NANOS = 200_000_000L;

    /** Python's main thread: the thread that made the Context (OsLanguage). */
    private static volatile Thread mainThread;
    /** Its kernel id and mask, as it last set the mask through {@link #mask}. */
    private static volatile int mainTid;
    private static volatile long mainBlocked;
    /** The bits of {@link #JVM_SIGNALS} each thread's Python mask has (the kernel's has none). */
    private static final ThreadLocal<long[]> JVM_SIGNALS_BLOCKED = new ThreadLocal<>();
    private static final List<Waiter> WAITERS = new CopyOnWriteArrayList<>();
    private static final List<Expectation> EXPECTATIONS = new CopyOnWriteArrayList<>();
    private static final MemorySegment ONE = Arena.global().allocate(JAVA_LONG);
    private static final VarHandle PENDING_COUNT = JAVA_INT.varHandle();

    static {
        ONE.set(JAVA_LONG, 0, 1L);
    }

    private HeldSignals() {
    }

    public static long bit(int signal) {
        return 1L << (signal - 1);
    }

    private static int srSignal() {
        try {
            String configured = System.getenv("_JAVA_SR_SIGNUM");
            return configured == null ? Signals.SIGUSR2 : Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            return Signals.SIGUSR2;
        }
    }

    public static void setMainThread(Thread thread) {
        mainThread = thread;
    }

    // ---- called by the JVM's Java handlers ----

    /** Whether a wait of this process takes {@code number} (the shim then runs its Python handler). */
    static boolean divert(int number) {
        for (Expectation expectation : EXPECTATIONS) {
            if (expectation.arrive(number)) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code number} on to the thread that blocks it for Python, where it stays pending; false when none does. */
    static boolean redirect(int number) {
        long signal = bit(number);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            int pid = ProcessCalls.getpid(errnoState);
            for (Waiter waiter : WAITERS) {
                if ((waiter.signals & signal) != 0 && SignalCalls.tgkill(errnoState, pid, waiter.tid, number) == 0) {
                    return true;
                }
            }
            int tid = mainTid;
            return (mainBlocked & signal) != 0 && tid > 0 && SignalCalls.tgkill(errnoState, pid, tid, number) == 0;
        }
    }

    /** Whether {@code handler} is a {@link Holding} (a forked child's signal relay runs it). */
    public static boolean isHolding(SignalHandler handler) {
        return handler instanceof Holding;
    }

    /** In front of the default action of a signal Python left at SIG_DFL while blocking it. */
    static final class Holding implements SignalHandler {
        @Override
        public void handle(Signal signal) {
            int number = signal.getNumber();
            if (redirect(number) || (IGNORED_BY_DEFAULT & bit(number)) != 0) {
                return;
            }
            // the default action, as if no JVM were here: a terminating signal ends the process now
            SignalDisposition.set(number, SignalDisposition.DEFAULT);
            try (Arena arena = Arena.ofConfined()) {
                SignalCalls.raise(Downcalls.allocateErrnoState(arena), number);
            }
            SignalDisposition.set(number, SignalDisposition.CAUGHT); // a stop signal: continued, the JVM's action again
        }
    }

    // ---- signal's functions ----

    /**
     * pthread_sigmask(how, requested) in the calling thread, without {@link #JVM_SIGNALS}: {previous
     * mask as Python sees it, signals whose Python handler the caller runs now}. The main thread's
     * unblocked pending signals arrive before this returns.
     */
    public static long[] mask(int how, long requested) {
        boolean main = Thread.currentThread() == mainThread;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
            Expectation expectation = null;
            if (main && how != Signals.SIG_BLOCK) {
                settle();
                long current = currentMask(arena);
                long after = how == Signals.SIG_UNBLOCK ? current & ~requested : requested;
                long arriving = pending(arena) & current & ~after & wrappedPythonHandlers(current & ~after);
                if (arriving != 0) {
                    expectation = expect(arriving, true);
                }
            }
            long kernelRequest = requested & ~JVM_SIGNALS;
            if (how == Signals.SIG_SETMASK) {
                kernelRequest |= currentMask(arena) & JVM_SIGNALS;
            }
            int rc = SignalCalls.pthreadSigmask(how, sigset(arena, kernelRequest), old);
            if (rc < 0) {
                forget(expectation);
                throw new NativeError(-rc);
            }
            long[] jvmBlocked = jvmSignalsBlocked();
            long previous = (bits(old) & ~JVM_SIGNALS) | jvmBlocked[0];
            jvmBlocked[0] = how == Signals.SIG_BLOCK ? jvmBlocked[0] | (requested & JVM_SIGNALS)
                            : how == Signals.SIG_UNBLOCK ? jvmBlocked[0] & ~requested : requested & JVM_SIGNALS;
            if (main) {
                mainTid = SystemCalls.gettid();
                long blocked = currentMask(arena) & ~JVM_SIGNALS;
                mainBlocked = blocked;
                hold(blocked & ~bits(old));
            }
            return new long[]{previous, expectation == null ? 0 : await(expectation, SETTLE_NANOS * 5)};
        }
    }

    private static long[] jvmSignalsBlocked() {
        long[] blocked = JVM_SIGNALS_BLOCKED.get();
        if (blocked == null) {
            blocked = new long[1];
            JVM_SIGNALS_BLOCKED.set(blocked);
        }
        return blocked;
    }

    /** sigpending(2) once the signals the JVM's threads took for Python have been sent on. */
    public static long pending() {
        settle();
        try (Arena arena = Arena.ofConfined()) {
            return pending(arena);
        }
    }

    /**
     * sigtimedwait for the signals of {@code wanted} ({@code timeoutNanos} negative: no limit), while
     * other Python handlers run (PEP 475): siginfo's si_signo, si_code, si_errno, si_pid, si_uid,
     * si_status, si_band; si_signo 0 when the time ran out.
     */
    public static long[] await(long wanted, long timeoutNanos) {
        settle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment set = sigset(arena, wanted);
            MemorySegment info = arena.allocate(WaitCalls.SIGINFO_SIZE, 8);
            Waiter waiter = new Waiter(SystemCalls.gettid(), wanted & currentMask(arena));
            int fd = (int) NativeError.check(SignalCalls.signalfd(errnoState, set));
            WAITERS.add(waiter);
            try {
                Integer signal = InterruptibleBlocking.until(new Taken(errnoState, set, info, arena.allocate(16, 8)), fd, timeoutNanos);
                if (signal == null) {
                    return new long[7];
                }
                int uid = info.get(JAVA_INT, 20);
                return new long[]{info.get(JAVA_INT, 0), info.get(JAVA_INT, 8), info.get(JAVA_INT, 4), info.get(JAVA_INT, 16),
                                uid == -1 ? -1 : Integer.toUnsignedLong(uid), info.get(JAVA_INT, 24), info.get(JAVA_LONG, 16)};
            } finally {
                WAITERS.remove(waiter);
                FileCalls.close(errnoState, fd);
            }
        }
    }

    /** One sigtimedwait(2) that does not block: the signal taken, or null. */
    private static final class Taken implements Supplier<Integer> {
        private final MemorySegment errnoState;
        private final MemorySegment set;
        private final MemorySegment info;
        private final MemorySegment noTime;

        Taken(MemorySegment errnoState, MemorySegment set, MemorySegment info, MemorySegment noTime) {
            this.errnoState = errnoState;
            this.set = set;
            this.info = info;
            this.noTime = noTime;
        }

        @Override
        public Integer get() {
            int rc = SignalCalls.sigtimedwait(errnoState, set, info, noTime);
            if (rc > 0) {
                return rc;
            }
            if (rc == -Errno.EAGAIN || rc == -Errno.EINTR) {
                return null;
            }
            throw new NativeError(-rc);
        }
    }

    /**
     * Before the main thread sends {@code number} to itself or its process (pthread_kill, os.kill,
     * pidfd_send_signal): what {@link #sent} waits for, the signal arriving at its Python handler,
     * which CPython's PyErr_CheckSignals runs before the call returns; null when nothing is to wait for.
     */
    public static Expectation sending(int number) {
        if (number <= 0 || number >= Signals.NSIG || Thread.currentThread() != mainThread) {
            return null;
        }
        try (Arena arena = Arena.ofConfined()) {
            if ((currentMask(arena) & bit(number)) != 0 || wrappedPythonHandlers(bit(number)) == 0) {
                return null;
            }
        }
        return expect(bit(number), true);
    }

    /** After the send ({@code rc}: 0 or -errno): the signals whose Python handler the caller runs now. */
    public static long sent(Expectation expectation, int rc) {
        if (rc < 0) {
            forget(expectation);
            throw new NativeError(-rc);
        }
        return expectation == null ? 0 : await(expectation, SETTLE_NANOS * 5);
    }

    /** pause(): waits until a signal with a Python handler arrives; returns those that did (the shim runs their handlers). */
    public static long pause() {
        WakeupFd.wrapAll();
        long blocked;
        try (Arena arena = Arena.ofConfined()) {
            blocked = currentMask(arena);
        }
        return await(expect(~blocked, false), -1);
    }

    // ---- what they share ----

    /** For the signals {@code blocked} newly blocks in the main thread: a Java handler that sends them on. */
    private static void hold(long blocked) {
        if (blocked == 0) {
            return;
        }
        Map<Integer, Signal> signals = JavaSignals.byNumber();
        for (Map.Entry<Integer, Signal> entry : signals.entrySet()) {
            int number = entry.getKey();
            if ((blocked & bit(number)) == 0 || number == Signals.SIGTSTP || number == Signals.SIGTTIN || number == Signals.SIGTTOU) {
                continue;
            }
            SignalHandler installed = JavaSignals.installed(entry.getValue());
            if (JavaSignals.isPythons(installed)) {
                WakeupFd.wrap(number);
            } else if (installed == SignalHandler.SIG_DFL) {
                try {
                    Signal.handle(entry.getValue(), new Holding());
                } catch (IllegalArgumentException e) {
                    // the JVM keeps it (its shutdown signals while ignored): the kernel's action stays
                }
            }
        }
    }

    /** The signals of {@code candidates} whose Java handler runs a Python handler through {@link WakeupFd.Writing}. */
    private static long wrappedPythonHandlers(long candidates) {
        long wrapped = 0;
        for (Map.Entry<Integer, Signal> entry : JavaSignals.byNumber().entrySet()) {
            if ((candidates & bit(entry.getKey())) != 0 && JavaSignals.installed(entry.getValue()) instanceof WakeupFd.Writing) {
                wrapped |= bit(entry.getKey());
            }
        }
        return wrapped;
    }

    /**
     * Waits (at most {@link #SETTLE_NANOS}) while a signal Python blocks is on its way from a JVM
     * thread to the thread that blocks it: pending for the process, counted by the JVM's handler,
     * being dispatched, or in a JDK handler thread.
     */
    private static void settle() {
        long watched = mainBlocked;
        for (Waiter waiter : WAITERS) {
            watched |= waiter.signals;
        }
        if (watched == 0) {
            return;
        }
        long deadline = System.nanoTime() + SETTLE_NANOS;
        // two quiet looks half a millisecond apart: the JVM's C++ steps between them show no trace
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            quiet = inFlight(watched) ? 0 : quiet + 1;
            LockSupport.parkNanos(500_000L);
        }
    }

    private static boolean inFlight(long watched) {
        if ((sharedPending() & watched) != 0) {
            return true;
        }
        JvmInternals jvm = JvmInternals.get();
        MemorySegment counts = jvm == null ? null : jvm.pendingSignals();
        if (counts != null) {
            for (int number = 1; number < Signals.NSIG && 4L * number < counts.byteSize(); number++) {
                if ((watched & bit(number)) != 0 && (int) PENDING_COUNT.getVolatile(counts, 4L * number) > 0) {
                    return true;
                }
            }
        }
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            String name = threads[i].getName();
            if (name.startsWith("SIG") && name.endsWith(HANDLER_THREAD_SUFFIX) && threads[i].isAlive()) {
                return true;
            }
            // between its wait (no Java frames) and the handler thread it starts, it runs Signal.dispatch
            if (name.equals(DISPATCHER) && threads[i].getStackTrace().length > 0) {
                return true;
            }
        }
        return false;
    }

    /** The process's pending signals (ShdPnd of /proc/self/status). */
    private static long sharedPending() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("ShdPnd:")) {
                    return Long.parseUnsignedLong(line.substring("ShdPnd:".length()).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: nothing known in flight
        }
        return 0;
    }

    private static Expectation expect(long signals, boolean all) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) NativeError.check(WaitCalls.eventfd(Downcalls.allocateErrnoState(arena)));
            Expectation expectation = new Expectation(signals, all, fd);
            EXPECTATIONS.add(expectation);
            return expectation;
        }
    }

    private static void forget(Expectation expectation) {
        if (expectation != null) {
            EXPECTATIONS.remove(expectation);
            expectation.close();
        }
    }

    private static long await(Expectation expectation, long timeoutNanos) {
        try {
            Long arrived = InterruptibleBlocking.until(expectation, expectation.fd, timeoutNanos);
            return arrived == null ? expectation.arrived() : arrived;
        } finally {
            forget(expectation);
        }
    }

    private static long currentMask(Arena arena) {
        MemorySegment current = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
        SignalCalls.pthreadSigmask(Signals.SIG_BLOCK, MemorySegment.NULL, current);
        return bits(current);
    }

    private static long pending(Arena arena) {
        MemorySegment set = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
        NativeError.check(SignalCalls.sigpending(Downcalls.allocateErrnoState(arena), set));
        return bits(set);
    }

    /** A sigset_t of signals 1..64: glibc's is a bit array, signal n at bit n - 1. */
    private static MemorySegment sigset(Arena arena, long signals) {
        MemorySegment set = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
        set.set(JAVA_LONG, 0, signals);
        return set;
    }

    private static long bits(MemorySegment set) {
        return set.get(JAVA_LONG, 0);
    }

    /** A sigwait* in progress: the signals it takes that its thread blocks. */
    private record Waiter(int tid, long signals) {
    }

    /** Signals a call waits to see arrive at the JVM's handler, so that its shim runs their Python handlers. */
    public static final class Expectation implements Supplier<Long> {
        private final long signals;
        private final boolean all;
        private final int fd;
        private long arrived;
        private final MemorySegment errnoState = Downcalls.allocateErrnoState(Arena.ofAuto());
        private final MemorySegment drained = Arena.ofAuto().allocate(JAVA_LONG);

        Expectation(long signals, boolean all, int fd) {
            this.signals = signals;
            this.all = all;
            this.fd = fd;
        }

        synchronized boolean arrive(int number) {
            if ((signals & bit(number)) == 0) {
                return false;
            }
            arrived |= bit(number);
            FileCalls.write(errnoState, fd, ONE, JAVA_LONG.byteSize());
            return true;
        }

        synchronized long arrived() {
            return arrived;
        }

        @Override
        public synchronized Long get() {
            FileCalls.read(errnoState, fd, drained, JAVA_LONG.byteSize()); // the next poll waits for the next arrival
            boolean done = all ? (arrived & signals) == signals : arrived != 0;
            return done ? arrived : null;
        }

        void close() {
            FileCalls.close(errnoState, fd);
        }
    }
}
