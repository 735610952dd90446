package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** graalpy_fork_exec_calls() → how many subprocess children GraalPy's fork_exec made in this process (tests of the spawn path). */
final class GraalPyForkExecCallsBuiltin extends Builtin {
    GraalPyForkExecCallsBuiltin() {
        super("graalpy_fork_exec_calls() -> int");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        return GraalPyForkExec.calls();
    }
}
