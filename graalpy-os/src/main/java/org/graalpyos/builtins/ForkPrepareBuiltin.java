package org.graalpyos.builtins;

import org.graalpyos.fork.ForkProtocol;
import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * fork_prepare() → "" when this JVM can fork, else why not (ZGC, unreadable JVM state, GraalPy
 * internals out of reach). The first call prepares the protocol (about 1.5 s, once per process).
 */
final class ForkPrepareBuiltin extends Builtin {
    ForkPrepareBuiltin() {
        super("fork_prepare() -> str?");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.checkCreateProcess("fork");
        try {
            ForkProtocol.get();
            return null;
        } catch (ForkProtocol.Refused e) {
            return e.getMessage();
        }
    }
}
