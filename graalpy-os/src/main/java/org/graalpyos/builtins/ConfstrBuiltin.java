package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.SystemCalls;
import org.graalpyos.nativeapi.NativeError;

/** confstr(name:int) → "=" + the value, or "" when the name has no value (CPython returns None then). */
final class ConfstrBuiltin extends Builtin {
    ConfstrBuiltin() {
        super("confstr(name: int) -> str?");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.checkNativeAccess("confstr");
        int key = args.integer("name");
        try {
            String value = SystemCalls.confstr(key);
            return value;
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
