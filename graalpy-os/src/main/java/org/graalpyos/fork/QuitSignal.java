package org.graalpyos.fork;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.Signals;

/**
 * SIGQUIT in a forked child. HotSpot blocks it in every Java thread and takes it only on its VM
 * thread (for thread dumps), which a child does not have: the signal would stay pending forever,
 * and a program the child execs would inherit the mask. A CPython child dies of SIGQUIT, so the
 * child gives it back its default action where the JVM's handler was, unblocked; one the program
 * ignored (signal.signal(SIGQUIT, SIG_IGN)) stays ignored, as in a CPython child.
 */
final class QuitSignal {
    private final MemorySegment quitOnly;
    private final MemorySegment defaultAction;
    private final MemorySegment current;
    private final MemorySegment errnoState;

    private QuitSignal(MemorySegment quitOnly, MemorySegment defaultAction, MemorySegment current, MemorySegment errnoState) {
        this.quitOnly = quitOnly;
        this.defaultAction = defaultAction;
        this.current = current;
        this.errnoState = errnoState;
    }

    /** In the parent: builds the arguments and links both calls with calls that change nothing. */
    static QuitSignal prepare() {
        Arena arena = Arena.global();
        MemorySegment quitOnly = arena.allocate(SignalCalls.SIGSET_SIZE, 8);
        MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
        SignalCalls.sigemptyset(errnoState, quitOnly);
        SignalCalls.sigaddset(errnoState, quitOnly, Signals.SIGQUIT);
        MemorySegment scratch = arena.allocate(Math.max(SignalCalls.SIGSET_SIZE, SignalCalls.SIGACTION_SIZE), 8);
        SignalCalls.pthreadSigmask(Signals.SIG_BLOCK, MemorySegment.NULL, scratch);
        SignalCalls.sigaction(errnoState, Signals.SIGQUIT, MemorySegment.NULL, scratch);
        return new QuitSignal(quitOnly, arena.allocate(SignalCalls.SIGACTION_SIZE, 8), arena.allocate(SignalCalls.SIGACTION_SIZE, 8), errnoState);
    }

    /** In the child, before any Python code. */
    void restoreDefault() {
        SignalCalls.sigaction(errnoState, Signals.SIGQUIT, MemorySegment.NULL, current);
        if (current.get(ADDRESS, 0).address() > 1) { // a handler: the JVM's (SIG_DFL 0, SIG_IGN 1)
            SignalCalls.sigaction(errnoState, Signals.SIGQUIT, defaultAction, MemorySegment.NULL);
        }
        SignalCalls.pthreadSigmask(Signals.SIG_UNBLOCK, quitOnly, MemorySegment.NULL);
    }
}
