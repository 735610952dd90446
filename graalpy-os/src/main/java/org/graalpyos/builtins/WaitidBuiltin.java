package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.wait.Wait;

/** waitid(idtype, id, options) → [si_pid, si_uid, si_signo, si_status, si_code]. */
final class WaitidBuiltin extends Builtin {
    WaitidBuiltin() {
        super("waitid(idtype: int, id: int, options: int) -> [int]");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int idtype = args.integer("idtype");
        int id = args.integer("id");
        int options = args.integer("options");
        context.checkNativeAccess("waitid");
        try {
            return Wait.waitidInterruptibly(idtype, id, options);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
