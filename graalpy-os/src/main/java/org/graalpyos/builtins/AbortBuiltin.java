package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.ProcessCalls;

/** abort(): libc abort(3), CPython's os.abort (GraalPy 25.0.1 has none). */
final class AbortBuiltin extends Builtin {
    AbortBuiltin() {
        super("abort() -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.checkNativeAccess("abort");
        ProcessCalls.abort();
        throw new IllegalStateException("abort returned");
    }
}
