package org.graalpyos.builtins;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * set_builtin_type_attribute(type, name, value) → whether it was set: how the shim gives GraalPy's
 * immutable _thread.LockType and _thread.RLock the _at_fork_reinit method CPython's have (those
 * types cannot be subclassed or assigned to from Python, and wrapping every lock would slow and
 * change every lock in the program).
 */
final class BuiltinTypeAttributeBuiltin implements Builtin {
    @Override
    public String name() {
        return "set_builtin_type_attribute";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 3);
        GraalPyInternals graalpy = GraalPyInternals.get();
        if (graalpy == null) {
            return false;
        }
        return graalpy.setBuiltinTypeAttribute(args[0], Args.toJavaString(context, args[1]), args[2]);
    }
}
