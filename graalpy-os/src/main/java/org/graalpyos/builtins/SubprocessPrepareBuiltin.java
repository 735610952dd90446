package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/**
 * subprocess_prepare(): in the parent, before subprocess's fork, links every native call the
 * child makes between fork and exec (subprocess_child_setup, subprocess_child_exec), once per
 * process: a forked JVM child must not create or link call paths.
 */
final class SubprocessPrepareBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_prepare";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        context.checkCreateProcess("fork_exec");
        Libc.linkSubprocessChildCalls();
        SubprocessChildExecBuiltin.linkInParent();
        return true;
    }
}
