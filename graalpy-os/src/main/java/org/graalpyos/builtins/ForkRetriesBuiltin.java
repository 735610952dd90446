package org.graalpyos.builtins;

import org.graalpyos.fork.ForkProtocol;
import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** fork_retries() → how many children this process discarded before they ran Python (stress reports). */
final class ForkRetriesBuiltin extends Builtin {
    ForkRetriesBuiltin() {
        super("fork_retries() -> int");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        try {
            return ForkProtocol.get().retries();
        } catch (ForkProtocol.Refused e) {
            return 0;
        }
    }
}
