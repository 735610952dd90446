package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.ChildPlan;
import org.graalpyos.subprocess.SubprocessSpawn;

/**
 * subprocess_spawn(fork_exec's converted arguments, {@link SubprocessArguments}) → pid: the child
 * by posix_spawn, or by GraalPy's fork_exec where a spawn cannot reproduce it or failed
 * ({@link GraalPyForkExec}). A process group, umask or credentials need the fork path
 * (subprocess_fork): ValueError here.
 */
final class SubprocessSpawnBuiltin extends Builtin {
    SubprocessSpawnBuiltin() {
        super(SubprocessArguments.declaration("subprocess_spawn"));
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        ChildPlan plan = SubprocessArguments.checkedPlan(context, args);
        if (plan.needsFork()) {
            throw context.errors().valueError(name() + "() cannot set a process group, umask or credentials: subprocess_fork does");
        }
        int pid = SubprocessSpawn.spawn(plan);
        return pid != SubprocessSpawn.USE_FORK ? pid : GraalPyForkExec.run(context, plan);
    }
}
