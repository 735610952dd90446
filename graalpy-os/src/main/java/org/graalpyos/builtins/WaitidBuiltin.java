package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.wait.Wait;

/** waitid(idtype, id, options) → "si_pid si_uid si_signo si_status si_code" ({@link Wire}). */
final class WaitidBuiltin implements Builtin {
    @Override
    public String name() {
        return "waitid";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 3);
        int idtype = Args.toInt(context, args[0]);
        int id = Args.toInt(context, args[1]);
        int options = Args.toInt(context, args[2]);
        context.checkNativeAccess("waitid");
        try {
            return Wire.ints(Wait.waitidInterruptibly(idtype, id, options));
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
