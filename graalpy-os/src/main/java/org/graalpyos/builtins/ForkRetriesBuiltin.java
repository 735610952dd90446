package org.graalpyos.builtins;

import org.graalpyos.fork.ForkProtocol;
import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** fork_retries() → how many children this process discarded before they ran Python (stress reports). */
final class ForkRetriesBuiltin implements Builtin {
    @Override
    public String name() {
        return "fork_retries";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        try {
            return ForkProtocol.get().retries();
        } catch (ForkProtocol.Refused e) {
            return 0;
        }
    }
}
