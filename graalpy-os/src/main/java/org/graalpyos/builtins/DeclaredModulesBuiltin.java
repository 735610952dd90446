package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.Functions;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** declared_modules(): the modules besides posix that have functions with Java bodies (grp, fcntl, ...), for install. */
final class DeclaredModulesBuiltin extends Builtin {
    DeclaredModulesBuiltin() {
        super("declared_modules() -> [str]");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        return Functions.modules();
    }
}
