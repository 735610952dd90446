package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.wait.Wait;

/** wait4(pid, options) → "pid status rusage..." ({@link Wire}): the call behind wait3/wait4. */
final class Wait4Builtin implements Builtin {
    @Override
    public String name() {
        return "wait4";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        return Wire.ints(wait4(context, name(), args));
    }

    /** (pid, options) → {pid, status, rusage...}, for this builtin and {@link WaitpidBuiltin}. */
    static long[] wait4(OsContext context, String name, Object[] args) {
        Args.expectCount(context, name, args, 2);
        int pid = Args.toInt(context, args[0]);
        int options = Args.toInt(context, args[1]);
        context.checkNativeAccess("wait");
        try {
            return Wait.wait4Interruptibly(pid, options);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
