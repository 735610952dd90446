package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * set_process_creation_policy(policy, fork_allowed): called once by GraalPyOs.install with the
 * host's policy and whether it allows forking the JVM, before any Python code.
 */
final class SetProcessCreationPolicyBuiltin implements Builtin {
    @Override
    public String name() {
        return "set_process_creation_policy";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        context.setProcessCreationPolicy(args[0], Args.toBoolean(context, args[1]));
        return true;
    }
}
