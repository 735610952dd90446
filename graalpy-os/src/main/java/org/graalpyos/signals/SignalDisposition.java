package org.graalpyos.signals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SignalCalls;

/**
 * The kernel's disposition of a signal, read and set with sigaction(2) past the JVM. HotSpot
 * keeps SIGHUP, SIGINT and SIGTERM (its shutdown signals) ignored once they are: it refuses any
 * handler for an ignored one; and it keeps SIGQUIT (thread dumps) for itself: it refuses every
 * handler for it. The launcher's signal.signal uses this to act as python3's.
 */
public final class SignalDisposition {
    public static final int DEFAULT = 0;
    public static final int IGNORED = 1;
    /** Set: the JVM's own action, as the process started with it; read: any handler. */
    public static final int CAUGHT = 2;

    /** The JVM's sigaction of each signal this class changed first, by number (null: not changed yet). */
    private static final MemorySegment[] JVM_ACTIONS = new MemorySegment[65];

    private SignalDisposition() {
    }

    /** Sets {@code disposition} ({@link #DEFAULT}, {@link #IGNORED}, {@link #CAUGHT}; -1: only reads) and returns the previous one. */
    public static synchronized int set(int signal, int disposition) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment old = arena.allocate(SignalCalls.SIGACTION_SIZE, 8);
            MemorySegment action = MemorySegment.NULL;
            if (disposition == CAUGHT) {
                action = JVM_ACTIONS[signal];
                if (action == null) {
                    disposition = -1; // never changed: the JVM's is in place
                }
            } else if (disposition >= 0) {
                action = arena.allocate(SignalCalls.SIGACTION_SIZE, 8); // zeroed: no flags, empty mask
                action.set(ADDRESS, 0, MemorySegment.ofAddress(disposition)); // sa_handler: SIG_DFL 0, SIG_IGN 1
            }
            SignalCalls.sigaction(errnoState, signal, disposition < 0 ? MemorySegment.NULL : action, old);
            long handler = old.get(ADDRESS, 0).address();
            if (disposition >= 0 && JVM_ACTIONS[signal] == null && handler > 1) {
                JVM_ACTIONS[signal] = Arena.global().allocate(SignalCalls.SIGACTION_SIZE, 8).copyFrom(old);
            }
            return handler == 0 ? DEFAULT : handler == 1 ? IGNORED : CAUGHT;
        }
    }
}
