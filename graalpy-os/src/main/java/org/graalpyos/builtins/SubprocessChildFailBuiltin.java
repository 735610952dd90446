package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_child_fail(message), in a child of subprocess_fork only: "SubprocessError:0:message"
 * on errpipe_write, then _exit(255), as CPython's child after preexec_fn raised.
 */
final class SubprocessChildFailBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_child_fail";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        String message = Args.toJavaString(context, args[0]);
        SubprocessChild.failWithMessage(SubprocessChildPlan.of(context, name()), message);
        return true;
    }
}
