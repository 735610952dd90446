package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** graalpy_fork_exec_calls() → how many subprocess children GraalPy's fork_exec made in this process (tests of the spawn path). */
final class GraalPyForkExecCallsBuiltin implements Builtin {
    @Override
    public String name() {
        return "graalpy_fork_exec_calls";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        return GraalPyForkExec.calls();
    }
}
