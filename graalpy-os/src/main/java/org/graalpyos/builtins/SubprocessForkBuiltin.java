package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.ChildPlan;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_fork(fork_exec's converted arguments, {@link SubprocessArguments}) → pid (0 in the
 * child): subprocess's fork path. The checked plan becomes the child's, the only thing
 * subprocess_child_setup, subprocess_child_exec and subprocess_child_fail act on.
 */
final class SubprocessForkBuiltin extends Builtin {
    SubprocessForkBuiltin() {
        super(SubprocessArguments.declaration("subprocess_fork"));
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.checkFork(name());
        ChildPlan plan = SubprocessArguments.checkedPlan(context, args);
        SubprocessChild.prepare();
        int pid = ForkBuiltin.forkJvm(context);
        if (pid == 0) {
            SubprocessChild.enter(plan);
        }
        return pid;
    }
}
