package org.graalpyos.builtins;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** lock_at_fork_reinit(lock): the body of _thread.lock/RLock._at_fork_reinit. */
final class LockReinitBuiltin extends Builtin {
    LockReinitBuiltin() {
        super("lock_at_fork_reinit(lock: object) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        GraalPyInternals graalpy = GraalPyInternals.get();
        if (graalpy == null || !graalpy.reinitializeLock(args.object("lock"))) {
            throw context.errors().typeError("_at_fork_reinit() needs a _thread.lock or _thread.RLock");
        }
        return null;
    }
}
