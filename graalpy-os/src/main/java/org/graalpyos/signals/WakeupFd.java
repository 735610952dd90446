package org.graalpyos.signals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * signal.set_wakeup_fd's fd: one byte, the signal's number, written to it for each signal that has
 * a Python handler, when the signal arrives, as CPython's trip_signal does (a selector or an
 * asyncio loop waiting on the fd wakes up). GraalPy records the fd but writes nothing: its Java
 * handler only queues the Python handler. The launcher puts {@link Writing} in front of GraalPy's
 * Java handler of each signal given a Python handler. A full pipe drops the byte (a non-blocking
 * fd, as CPython requires).
 */
public final class WakeupFd {
    private static volatile int fd = -1;
    private static final MemorySegment SIGNAL_BYTE = Arena.global().allocate(1);
    private static final MemorySegment ERRNO_STATE = Downcalls.allocateErrnoState(Arena.global());

    private WakeupFd() {
    }

    /** Sets the fd (-1: none) and returns the previous one. */
    public static int set(int newFd) {
        int previous = fd;
        fd = newFd;
        return previous;
    }

    /** Puts the wake-up write in front of {@code number}'s Java handler, if it is GraalPy's and not yet wrapped. */
    public static synchronized void wrap(int number) {
        Signal signal = JavaSignals.byNumber().get(number);
        if (signal != null) {
            wrap(signal);
        }
    }

    /** {@link #wrap} for every signal whose Java handler is GraalPy's (pause waits for any of them). */
    public static synchronized void wrapAll() {
        for (Signal signal : JavaSignals.byNumber().values()) {
            wrap(signal);
        }
    }

    private static void wrap(Signal signal) {
        SignalHandler installed = JavaSignals.installed(signal);
        if (installed != null && !(installed instanceof Writing) && JavaSignals.isPythons(installed)) {
            Signal.handle(signal, new Writing(installed));
        }
    }

    private static synchronized void write(int number) {
        int target = fd;
        if (target >= 0) {
            SIGNAL_BYTE.set(JAVA_BYTE, 0, (byte) number);
            FileCalls.write(ERRNO_STATE, target, SIGNAL_BYTE, 1);
        }
    }

    /**
     * Writes the byte, then runs GraalPy's handler (which queues the Python handler); a signal Python
     * blocks is sent on to the thread that blocks it instead, and one a call waits for is left to
     * that call's shim ({@link HeldSignals}).
     */
    static final class Writing implements SignalHandler {
        private final SignalHandler graalpy;

        Writing(SignalHandler graalpy) {
            this.graalpy = graalpy;
        }

        @Override
        public void handle(Signal signal) {
            int number = signal.getNumber();
            if (HeldSignals.divert(number)) {
                write(number);
                return;
            }
            if (HeldSignals.redirect(number)) {
                return;
            }
            write(number);
            graalpy.handle(signal);
        }
    }
}
