package org.graalpyos.signals;

import java.util.HashMap;
import java.util.Map;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The JVM's Java-level signal handlers (sun.misc.Signal): which one is installed, and whether it is
 * GraalPy's (which queues the Python handler), possibly behind {@link WakeupFd}'s.
 */
public final class JavaSignals {
    private static final String[] NAMES = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "USR1", "SEGV", "USR2", "PIPE", "ALRM",
                    "TERM", "STKFLT", "CHLD", "CONT", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
    /** Swapped in for a moment to read the installed handler. */
    private static final SignalHandler PROBE = new Probe();

    private JavaSignals() {
    }

    /** The JVM's Signal of each number it knows. */
    public static Map<Integer, Signal> byNumber() {
        Map<Integer, Signal> signals = new HashMap<>();
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                signals.put(signal.getNumber(), signal);
            } catch (IllegalArgumentException e) {
                // not a signal on this platform
            }
        }
        return signals;
    }

    /** The installed Java handler, or null for a signal the JVM keeps for itself (SIGQUIT). */
    public static SignalHandler installed(Signal signal) {
        try {
            SignalHandler installed = Signal.handle(signal, PROBE);
            Signal.handle(signal, installed);
            return installed;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code handler} runs a Python handler (GraalPy's, or GraalPy's behind the wake-up fd's). */
    public static boolean isPythons(SignalHandler handler) {
        return handler instanceof WakeupFd.Writing || (handler != null && handler.getClass().getName().startsWith("com.oracle.graal.python."));
    }

    /** Not a lambda: a forked child may read handlers, and must not link a new call site. */
    private static final class Probe implements SignalHandler {
        @Override
        public void handle(Signal signal) {
        }
    }
}
