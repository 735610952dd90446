package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * system(command) → the wait status: os.system through GraalPy's own (held by Java, {@link
 * OsContext#holdGraalPyProcessCreators}), after the Context's permissions and the host's policy
 * saw "/bin/sh -c command". GraalPy's gets the fs-encoded bytes of command, not the caller's object.
 */
final class SystemBuiltin extends Builtin {
    private static final byte[] SHELL = {'/', 'b', 'i', 'n', '/', 's', 'h'};

    SystemBuiltin() {
        super("system(command: bytes) -> object");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        byte[] command = args.bytes("command");
        context.checkCreateProcess(name());
        context.checkProcessCreation(ProcessCreations.of(name(), SHELL, List.of(new byte[]{'s', 'h'}, new byte[]{'-', 'c'}, command), null));
        Object system = context.graalPySystem();
        if (system == null) {
            throw context.errors().runtimeError("system(): GraalPy's os.system was not handed over at install");
        }
        JvmFdsCloseOnExec.markJvmFiles(); // GraalPy's shell passes on every fd not close-on-exec
        return context.values().execute(system, context.values().bytes(command));
    }
}
