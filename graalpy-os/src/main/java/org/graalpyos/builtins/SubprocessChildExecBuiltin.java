package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_child_exec(), in a child of subprocess_fork only: close_fds and the exec loop of its
 * plan; never returns (a child that cannot exec reports on errpipe_write and ends).
 */
final class SubprocessChildExecBuiltin extends Builtin {
    SubprocessChildExecBuiltin() {
        super("subprocess_child_exec() -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        SubprocessChild.exec(SubprocessChildPlan.of(context, name()));
        return null;
    }
}
