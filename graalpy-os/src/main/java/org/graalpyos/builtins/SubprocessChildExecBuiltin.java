package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_child_exec(), in a child of subprocess_fork only: close_fds and the exec loop of its
 * plan; never returns (a child that cannot exec reports on errpipe_write and ends).
 */
final class SubprocessChildExecBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_child_exec";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        SubprocessChild.exec(SubprocessChildPlan.of(context, name()));
        return true;
    }
}
