package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * exit_process(status): libc _exit(2), CPython's os._exit. A forked child must end this way: a
 * context close or JVM shutdown would wait for threads and a VM thread that do not exist there.
 */
final class ExitBuiltin extends Builtin {
    ExitBuiltin() {
        super("exit_process(status: int) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int status = args.integer("status");
        context.checkNativeAccess("_exit");
        ProcessCalls.exitImmediately(status);
        throw new IllegalStateException("_exit returned");
    }
}
