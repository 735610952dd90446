package org.graalpyos.builtins;

import org.graalpyos.fork.ForkProtocol;
import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * fork_prepare() → "" when this JVM can fork, else why not (ZGC, unreadable JVM state, GraalPy
 * internals out of reach). The first call prepares the protocol (about 1.5 s, once per process).
 */
final class ForkPrepareBuiltin implements Builtin {
    @Override
    public String name() {
        return "fork_prepare";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        context.checkCreateProcess("fork");
        try {
            ForkProtocol.get();
            return "";
        } catch (ForkProtocol.Refused e) {
            return e.getMessage();
        }
    }
}
