package org.graalpyos.fork;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedding application's at-fork callbacks (the JVM's pthread_atfork for host code): run
 * after Python's before-hooks and before Python's after-hooks, in CPython's order (before in
 * reverse registration order, the others in registration order). An exception is reported on
 * stderr, never propagated into Python; a retried fork does not run them twice.
 */
public final class HostAtForkCallbacks {
    private record Callbacks(Runnable before, Runnable afterInParent, Runnable afterInChild) {
    }

    private static final List<Callbacks> REGISTERED = new CopyOnWriteArrayList<>();

    private HostAtForkCallbacks() {
    }

    public static void register(Runnable before, Runnable afterInParent, Runnable afterInChild) {
        if (before == null && afterInParent == null && afterInChild == null) {
            throw new IllegalArgumentException("At least one callback is required.");
        }
        REGISTERED.add(new Callbacks(before, afterInParent, afterInChild));
    }

    static void runBefore() {
        Object[] all = REGISTERED.toArray();
        for (int i = all.length - 1; i >= 0; i--) {
            run(((Callbacks) all[i]).before(), "before");
        }
    }

    static void runAfterInParent() {
        for (Callbacks c : REGISTERED) {
            run(c.afterInParent(), "after_in_parent");
        }
    }

    static void runAfterInChild() {
        for (Callbacks c : REGISTERED) {
            run(c.afterInChild(), "after_in_child");
        }
    }

    private static void run(Runnable callback, String phase) {
        if (callback == null) {
            return;
        }
        try {
            callback.run();
        } catch (RuntimeException | Error e) {
            System.err.println("graalpy-os: host at-fork callback (" + phase + ") failed: " + e);
            e.printStackTrace();
        }
    }
}
