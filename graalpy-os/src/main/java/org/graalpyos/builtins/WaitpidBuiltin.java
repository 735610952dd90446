package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.wait.Wait;

/**
 * waitpid(pid, options) → pid << 32 | status: os.wait/waitpid, the waits without rusage, get one
 * int back instead of {@link Wait4Builtin}'s twenty (parsing those was a third of a waitpid's cost).
 */
final class WaitpidBuiltin implements Builtin {
    @Override
    public String name() {
        return "waitpid";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        int pid = Args.toInt(context, args[0]);
        int options = Args.toInt(context, args[1]);
        context.checkNativeAccess("wait");
        try {
            long[] result = Wait.wait4Interruptibly(pid, options);
            return result[0] << 32 | (result[1] & 0xFFFFFFFFL);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
