package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.SubprocessChild;

/**
 * subprocess_child_fail(message), in a child of subprocess_fork only: "SubprocessError:0:message"
 * on errpipe_write, then _exit(255), as CPython's child after preexec_fn raised.
 */
final class SubprocessChildFailBuiltin extends Builtin {
    SubprocessChildFailBuiltin() {
        super("subprocess_child_fail(message: str) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        String message = args.text("message");
        SubprocessChild.failWithMessage(SubprocessChildPlan.of(context, name()), message);
        return null;
    }
}
