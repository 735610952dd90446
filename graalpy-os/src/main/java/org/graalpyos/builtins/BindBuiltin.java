package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** bind(builtins_module, None), once: from now on our errors are Python's own exception types. */
final class BindBuiltin implements Builtin {
    @Override
    public String name() {
        return "bind";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        context.bind(args[0], args[1]);
        return true;
    }
}
