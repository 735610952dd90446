package org.graalpyos.fork;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.Map;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.jvm.JvmInternals;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.signals.HeldSignals;
import org.graalpyos.signals.JavaSignals;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The JVM's Signal Dispatcher thread, for a forked child (which has none). The JVM's signal
 * handler only counts a signal and posts a semaphore; the dispatcher thread then runs the Java
 * handler (GraalPy's, which queues the Python handler). Without it a child ignored every signal
 * the JVM handles: SIGTERM, SIGINT, SIGHUP and any signal with a Python handler. This thread
 * waits on the same semaphore: a signal with a GraalPy handler goes to it (as does one Python blocks
 * at SIG_DFL: {@link HeldSignals}); a signal the JVM
 * handles for itself (its shutdown on SIGTERM, SIGINT, SIGHUP, a thread dump on SIGQUIT) gets its
 * default action instead, as in a CPython child (a JVM shutdown cannot run in a forked child).
 */
final class SignalRelay implements Runnable {
    private static final VarHandle PENDING = JAVA_INT.varHandle();

    private final MemorySegment pending;
    private final MemorySegment semaphore;
    private final Map<Integer, Signal> signals;
    /** GraalPy's hand-over of queued Python handlers to the main thread, or null when unreachable. */
    private final Runnable pythonHandlerDelivery;
    private final MemorySegment errnoState = Downcalls.allocateErrnoState(Arena.global());
    private final MemorySegment defaultAction = Arena.global().allocate(SignalCalls.SIGACTION_SIZE);

    private SignalRelay(MemorySegment pending, MemorySegment semaphore, Map<Integer, Signal> signals, Runnable pythonHandlerDelivery) {
        this.pythonHandlerDelivery = pythonHandlerDelivery;
        this.pending = pending;
        this.semaphore = semaphore;
        this.signals = signals;
    }

    /** Built in the parent (nothing to load in the child); null when the JVM's signal state cannot be read. */
    static SignalRelay prepare(JvmInternals jvm, GraalPyInternals graalpy) {
        MemorySegment pending = jvm.pendingSignals();
        MemorySegment semaphore = jvm.signalSemaphore();
        if (pending == null || semaphore == null) {
            return null;
        }
        Map<Integer, Signal> signals = JavaSignals.byNumber();
        // links the atomic accesses here, on slot 0, which no signal uses
        PENDING.compareAndSet(pending, 0L, (int) PENDING.getVolatile(pending, 0L), 0);
        return new SignalRelay(pending, semaphore, signals, graalpy.signalDelivery());
    }

    /** In the child: signals counted in the parent were the parent's (the kernel gives a child none pending). */
    void clearPending() {
        pending.fill((byte) 0);
    }

    /** In the child, after its recovery. */
    void start() {
        Thread thread = new Thread(this, "graalpy-os-signal-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        while (true) {
            int signal = takePending();
            if (signal < 0) {
                SignalCalls.semWait(errnoState, semaphore);
            } else {
                dispatch(signal);
            }
        }
    }

    /** A signal number whose count this call decremented, or -1 when none is pending. */
    private int takePending() {
        for (int number = 1; number < pending.byteSize() / 4; number++) {
            int count = (int) PENDING.getVolatile(pending, 4L * number);
            if (count > 0 && PENDING.compareAndSet(pending, 4L * number, count, count - 1)) {
                return number;
            }
        }
        return -1;
    }

    private void dispatch(int number) {
        Signal signal = signals.get(number);
        SignalHandler installed = signal == null ? null : JavaSignals.installed(signal);
        if (JavaSignals.isPythons(installed) || HeldSignals.isHolding(installed)) {
            installed.handle(signal);
            if (pythonHandlerDelivery != null) {
                pythonHandlerDelivery.run();
            }
            return;
        }
        // the JVM's own handler (or an unknown signal): the action a process without a JVM would take
        SignalCalls.sigaction(errnoState, number, defaultAction, MemorySegment.NULL);
        SignalCalls.raise(errnoState, number);
    }
}
