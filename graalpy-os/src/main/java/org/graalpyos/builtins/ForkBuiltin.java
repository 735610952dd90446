package org.graalpyos.builtins;

import org.graalpyos.fork.ForkProtocol;
import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;

/** fork() → pid (0 in the child): the JVM part of os.fork; the shim runs CPython's steps around it. */
final class ForkBuiltin extends Builtin {
    ForkBuiltin() {
        super("fork() -> pid_t");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.checkCreateProcess("fork");
        context.checkFork(name());
        context.checkProcessCreation(ProcessCreations.fork());
        return forkJvm(context);
    }

    /** The JVM's fork, after the caller's checks (checkFork among them): Python's errors for a refusal or a failed fork(2). */
    static int forkJvm(OsContext context) {
        try {
            return ForkProtocol.get().fork();
        } catch (ForkProtocol.Refused e) {
            throw context.errors().runtimeError(e.getMessage());
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
