package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** heap_after_gc() → bytes of Java heap in use after a full collection (the stress run's "heap stable" figure). */
final class HeapAfterGcBuiltin implements Builtin {
    @Override
    public String name() {
        return "heap_after_gc";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
