package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * waitpid(pid, options) → (pid, status): os.wait/waitpid, the waits without rusage, get two ints
 * back instead of {@link Wait4Builtin}'s twenty (parsing those was a third of a waitpid's cost).
 */
final class WaitpidBuiltin extends Builtin {
    WaitpidBuiltin() {
        super("waitpid(pid: pid_t, options: int) -> (pid_t, int)");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        long[] result = Wait4Builtin.wait4(context, args);
        return new long[]{result[0], result[1]};
    }
}
