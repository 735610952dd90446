package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;
import org.graalpyos.nativeapi.NativeError;

/** confstr(name:int) → "=" + the value, or "" when the name has no value (CPython returns None then). */
final class ConfstrBuiltin implements Builtin {
    @Override
    public String name() {
        return "confstr";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        context.checkNativeAccess("confstr");
        int key = Args.toInt(context, args[0]);
        try {
            String value = Libc.confstr(key);
            return value == null ? "" : "=" + value;
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
