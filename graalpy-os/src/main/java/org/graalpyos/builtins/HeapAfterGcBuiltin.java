package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** heap_after_gc() → bytes of Java heap in use after a full collection (the stress run's "heap stable" figure). */
final class HeapAfterGcBuiltin extends Builtin {
    HeapAfterGcBuiltin() {
        super("heap_after_gc() -> long");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
