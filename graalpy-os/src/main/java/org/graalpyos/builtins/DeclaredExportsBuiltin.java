package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.Functions;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** declared_exports("posix"): the names graalpy_os/_declared/posix.py exports, for install's lazy exports. */
final class DeclaredExportsBuiltin extends Builtin {
    DeclaredExportsBuiltin() {
        super("declared_exports(module: str) -> [str]");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        return Functions.exports(args.text("module"));
    }
}
