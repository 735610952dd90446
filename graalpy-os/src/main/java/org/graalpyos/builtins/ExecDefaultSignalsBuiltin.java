package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.spawn.ExecDefaultSignals;

/** exec_default_signals(on): around GraalPy's fork_exec with restore_signals ({@link ExecDefaultSignals}). */
final class ExecDefaultSignalsBuiltin implements Builtin {
    @Override
    public String name() {
        return "exec_default_signals";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        boolean on = Args.toBoolean(context, args[0]);
        context.checkNativeAccess("fork_exec");
        if (on) {
            ExecDefaultSignals.begin();
        } else {
            ExecDefaultSignals.end();
        }
        return true;
    }
}
