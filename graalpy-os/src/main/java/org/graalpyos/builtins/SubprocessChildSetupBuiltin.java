package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_child_setup(), in a child of subprocess_fork only: the steps of its plan before
 * preexec_fn; returns True when all succeeded, else the child reports on errpipe_write and ends.
 */
final class SubprocessChildSetupBuiltin extends Builtin {
    SubprocessChildSetupBuiltin() {
        super("subprocess_child_setup() -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        SubprocessChild.setUp(SubprocessChildPlan.of(context, name()));
        return null;
    }
}
