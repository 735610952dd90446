package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * hold_graalpy_process_creators(fork_exec, system), once, by the shim's install: GraalPy's own
 * _posixsubprocess.fork_exec and os.system, which ask no policy, from then on reachable only
 * through subprocess_spawn and system, which do.
 */
final class HoldGraalPyProcessCreatorsBuiltin implements Builtin {
    @Override
    public String name() {
        return "hold_graalpy_process_creators";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        context.holdGraalPyProcessCreators(args[0], args[1]);
        return true;
    }
}
