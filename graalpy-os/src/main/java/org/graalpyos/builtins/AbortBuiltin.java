package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/** abort(): libc abort(3), CPython's os.abort (GraalPy 25.0.1 has none). */
final class AbortBuiltin implements Builtin {
    @Override
    public String name() {
        return "abort";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        context.checkNativeAccess("abort");
        Libc.abort();
        throw new IllegalStateException("abort returned");
    }
}
