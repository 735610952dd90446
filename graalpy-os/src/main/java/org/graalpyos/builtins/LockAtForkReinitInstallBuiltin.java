package org.graalpyos.builtins;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * install_lock_at_fork_reinit(lock_type, rlock_type, method) → whether it was installed, once per
 * Context: gives GraalPy's _thread.LockType and _thread.RLock the _at_fork_reinit method CPython's
 * have. Those types are immutable to Python code (and wrapping every lock would slow and change
 * every lock in the program); nothing else can be set this way.
 */
final class LockAtForkReinitInstallBuiltin extends Builtin {
    LockAtForkReinitInstallBuiltin() {
        super("install_lock_at_fork_reinit(lock_type: object, rlock_type: object, at_fork_reinit: object) -> bool");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        GraalPyInternals graalpy = GraalPyInternals.get();
        if (graalpy == null) {
            return false;
        }
        Object lockType = args.object("lock_type");
        Object rlockType = args.object("rlock_type");
        if (!graalpy.isLockType(lockType, false) || !graalpy.isLockType(rlockType, true)) {
            throw context.errors().typeError(name() + "() needs _thread.LockType and _thread.RLock");
        }
        context.claimOnce(name());
        Object reinit = args.object("at_fork_reinit");
        return graalpy.setLockTypeAttribute(lockType, "_at_fork_reinit", reinit) && graalpy.setLockTypeAttribute(rlockType, "_at_fork_reinit", reinit);
    }
}
