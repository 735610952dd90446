package org.graalpyos.builtins;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/** lock_at_fork_reinit(lock): the body of _thread.lock/RLock._at_fork_reinit. */
final class LockReinitBuiltin implements Builtin {
    @Override
    public String name() {
        return "lock_at_fork_reinit";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        GraalPyInternals graalpy = GraalPyInternals.get();
        if (graalpy == null || !graalpy.reinitializeLock(args[0])) {
            throw context.errors().typeError("_at_fork_reinit() needs a _thread.lock or _thread.RLock");
        }
        return true;
    }
}
