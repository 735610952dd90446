package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** bind(builtins_module, None), once: from now on our errors are Python's own exception types. */
final class BindBuiltin extends Builtin {
    BindBuiltin() {
        super("bind(builtins: object, none: object) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.bind(args.object("builtins"), args.object("none"));
        return null;
    }
}
