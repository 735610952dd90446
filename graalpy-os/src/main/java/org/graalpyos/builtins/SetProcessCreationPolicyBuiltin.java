package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * set_process_creation_policy(policy, fork_allowed): called once by GraalPyOs.install with the
 * host's policy and whether it allows forking the JVM, before any Python code.
 */
final class SetProcessCreationPolicyBuiltin extends Builtin {
    SetProcessCreationPolicyBuiltin() {
        super("set_process_creation_policy(policy: object, fork_allowed: bool) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.setProcessCreationPolicy(args.object("policy"), args.bool("fork_allowed"));
        return null;
    }
}
