package org.graalpyos.builtins;

import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.ChildPlan;
import org.graalpyos.subprocess.SubprocessSpawn;

/**
 * subprocess_spawn(fork_exec's converted arguments, {@link SubprocessArguments}): the child by
 * posix_spawn; its pid, or 0 when the fork path must run. A process group, umask or credentials
 * need the fork path (subprocess_fork): ValueError here.
 */
final class SubprocessSpawnBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_spawn";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        ChildPlan plan = SubprocessArguments.checkedPlan(context, name(), args);
        if (plan.needsFork()) {
            throw context.errors().valueError(name() + "() cannot set a process group, umask or credentials: subprocess_fork does");
        }
        return SubprocessSpawn.spawn(plan);
    }
}
