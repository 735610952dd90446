package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * system(command) → the wait status: os.system through GraalPy's own (held by Java, {@link
 * OsContext#holdGraalPyProcessCreators}), after the Context's permissions and the host's policy
 * saw "/bin/sh -c command". command: the fs-encoded bytes as latin-1 ({@link Wire}); GraalPy's gets
 * those bytes, not the caller's object.
 */
final class SystemBuiltin implements Builtin {
    private static final byte[] SHELL = {'/', 'b', 'i', 'n', '/', 's', 'h'};

    @Override
    public String name() {
        return "system";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        byte[] command = Wire.bytes(Args.toJavaString(context, args[0]));
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
