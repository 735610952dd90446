package org.graalpyos.fork;

import java.util.HashSet;
import java.util.Set;

import org.graalpyos.nativeapi.ProcessCalls;

/**
 * The threads that run Python in a forked child. A process ends when its last thread ends, as
 * if by exit(0) (CPython's child forked from a non-main thread ends so when that thread returns);
 * in a JVM child our watchdog thread would keep it alive, so the last Python thread to leave the
 * context ends the process. Not used in a parent.
 */
public final class ChildThreads {
    private static Set<Thread> live;

    private ChildThreads() {
    }

    /** In the child, right after fork: the forking thread is the only thread left. */
    static synchronized void forkedBy(Thread thread) {
        live = new HashSet<>();
        live.add(thread);
    }

    /** A thread entered the Python context. */
    public static synchronized void entered(Thread thread) {
        if (live != null) {
            live.add(thread);
        }
    }

    /** A thread left the Python context for good; the last one ends the child with status 0. */
    public static synchronized void left(Thread thread) {
        if (live != null && live.remove(thread) && live.isEmpty()) {
            ProcessCalls.exitImmediately(0);
        }
    }
}
