package org.graalpyos.spawn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.Signals;

/**
 * subprocess's restore_signals for GraalPy's native fork_exec, whose child restores no signal (its
 * _Py_RestoreSignals is empty). The launcher ignores SIGPIPE and SIGXFSZ as python3 does, and exec
 * keeps an ignored signal ignored but resets a caught one to SIG_DFL. So while such a fork_exec
 * runs, both are caught by the JVM's own handler (the one on SIGSEGV, which ignores them: the JVM's
 * state before the launcher ignored them), and its child starts with SIG_DFL. Overlapping calls are
 * counted: SIG_IGN comes back when the last one ends. A posix_spawn or os.system child started by
 * another thread in that window starts with SIG_DFL instead of SIG_IGN.
 */
public final class ExecDefaultSignals {
    private static final int[] SIGNALS = {Signals.SIGPIPE, Signals.SIGXFSZ};

    private static int users;
    private static final boolean[] ignored = new boolean[SIGNALS.length];

    private ExecDefaultSignals() {
    }

    public static synchronized void begin() {
        if (users++ > 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment jvmHandler = arena.allocate(SignalCalls.SIGACTION_SIZE, 8);
            MemorySegment current = arena.allocate(SignalCalls.SIGACTION_SIZE, 8);
            SignalCalls.sigaction(errnoState, Signals.SIGSEGV, MemorySegment.NULL, jvmHandler);
            for (int i = 0; i < SIGNALS.length; i++) {
                SignalCalls.sigaction(errnoState, SIGNALS[i], MemorySegment.NULL, current);
                ignored[i] = current.get(ADDRESS, 0).address() == Signals.SIG_IGN; // sa_handler comes first
                if (ignored[i]) {
                    SignalCalls.sigaction(errnoState, SIGNALS[i], jvmHandler, MemorySegment.NULL);
                }
            }
        }
    }

    public static synchronized void end() {
        if (--users > 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment ignore = arena.allocate(SignalCalls.SIGACTION_SIZE, 8);
            ignore.set(ADDRESS, 0, MemorySegment.ofAddress(Signals.SIG_IGN));
            for (int i = 0; i < SIGNALS.length; i++) {
                if (ignored[i]) {
                    SignalCalls.sigaction(errnoState, SIGNALS[i], ignore, MemorySegment.NULL);
                }
            }
        }
    }
}
