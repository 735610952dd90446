package org.graalpyos.builtins;

import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

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
        long[] result = Wait4Builtin.wait4(context, name(), args);
        return result[0] << 32 | (result[1] & 0xFFFFFFFFL);
    }
}
