package org.graalpyos.builtins;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * install_lock_at_fork_reinit(lock_type, rlock_type, method) → whether it was installed, once per
 * Context: gives GraalPy's _thread.LockType and _thread.RLock the _at_fork_reinit method CPython's
 * have. Those types are immutable to Python code (and wrapping every lock would slow and change
 * every lock in the program); nothing else can be set this way.
 */
final class LockAtForkReinitInstallBuiltin implements Builtin {
    @Override
    public String name() {
        return "install_lock_at_fork_reinit";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 3);
        GraalPyInternals graalpy = GraalPyInternals.get();
        if (graalpy == null) {
            return false;
        }
        if (!graalpy.isLockType(args[0], false) || !graalpy.isLockType(args[1], true)) {
            throw context.errors().typeError(name() + "() needs _thread.LockType and _thread.RLock");
        }
        context.claimOnce(name());
        return graalpy.setLockTypeAttribute(args[0], "_at_fork_reinit", args[2])
                        && graalpy.setLockTypeAttribute(args[1], "_at_fork_reinit", args[2]);
    }
}
