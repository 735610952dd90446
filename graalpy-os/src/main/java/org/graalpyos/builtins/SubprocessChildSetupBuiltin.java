package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_child_setup(), in a child of subprocess_fork only: the steps of its plan before
 * preexec_fn; returns True when all succeeded, else the child reports on errpipe_write and ends.
 */
final class SubprocessChildSetupBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_child_setup";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        SubprocessChild.setUp(SubprocessChildPlan.of(context, name()));
        return true;
    }
}
