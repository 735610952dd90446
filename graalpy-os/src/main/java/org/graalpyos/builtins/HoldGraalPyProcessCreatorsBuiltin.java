package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * hold_graalpy_process_creators(fork_exec, system), once, by the shim's install: GraalPy's own
 * _posixsubprocess.fork_exec and os.system, which ask no policy, from then on reachable only
 * through subprocess_spawn and system, which do.
 */
final class HoldGraalPyProcessCreatorsBuiltin extends Builtin {
    HoldGraalPyProcessCreatorsBuiltin() {
        super("hold_graalpy_process_creators(fork_exec: object, system: object) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.holdGraalPyProcessCreators(args.object("fork_exec"), args.object("system"));
        return null;
    }
}
