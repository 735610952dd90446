package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * check_process_creation(function, executable, argv, env): the host policy's check for process
 * creation that GraalPy performs natively (subprocess without posix_spawn, os.system), asked by
 * the shim before it calls GraalPy. executable latin-1 ("" for none), argv and env NUL-terminated
 * items, env "-" when inherited.
 */
final class CheckProcessCreationBuiltin implements Builtin {
    @Override
    public String name() {
        return "check_process_creation";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 4);
        String function = Args.toJavaString(context, args[0]);
        context.checkCreateProcess(function);
        String executable = Args.toJavaString(context, args[1]);
        String environment = Args.toJavaString(context, args[3]);
        context.checkProcessCreation(ProcessCreations.of(function, executable.isEmpty() ? null : Wire.bytes(executable),
                        Wire.items(Args.toJavaString(context, args[2])), environment.equals("-") ? null : Wire.items(environment)));
        JvmFdsCloseOnExec.markJvmFiles(); // GraalPy's fork_exec passes on every fd not close-on-exec
        return true;
    }
}
