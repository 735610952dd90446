package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/**
 * exit_process(status): libc _exit(2), CPython's os._exit. A forked child must end this way: a
 * context close or JVM shutdown would wait for threads and a VM thread that do not exist there.
 */
final class ExitBuiltin implements Builtin {
    @Override
    public String name() {
        return "exit_process";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        int status = Args.toInt(context, args[0]);
        context.checkNativeAccess("_exit");
        Libc.exitImmediately(status);
        throw new IllegalStateException("_exit returned");
    }
}
