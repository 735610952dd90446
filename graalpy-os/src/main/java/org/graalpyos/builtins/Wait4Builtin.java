package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.wait.Wait;

/** wait4(pid, options) → [pid, status, rusage...]: the call behind wait3/wait4. */
final class Wait4Builtin extends Builtin {
    Wait4Builtin() {
        super("wait4(pid: pid_t, options: int) -> [long]");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        return wait4(context, args);
    }

    /** (pid, options) → {pid, status, rusage...}, for this builtin and {@link WaitpidBuiltin}. */
    static long[] wait4(OsContext context, Arguments args) {
        int pid = args.integer("pid");
        int options = args.integer("options");
        context.checkNativeAccess("wait");
        try {
            return Wait.wait4Interruptibly(pid, options);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
