package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.language.OsContext;
import org.graalpyos.spawn.CheckedExecutables;

/**
 * What a subprocess_fork child was forked to do, as the Context's permissions and the host's
 * policy allowed it in the parent: its programs and credentials. subprocess_child_setup and
 * subprocess_child_exec act on this plan only, and refuse in any process subprocess_fork did not
 * fork (the parent, a child of os.fork).
 */
final class SubprocessChild {
    /** Ids (gid_t/uid_t bits) -1: unchanged; groups empty: unchanged. */
    record Plan(CheckedExecutables executables, List<byte[]> argv, List<byte[]> envp, int[] groups, int gid, int uid) {
    }

    /** Set only in a child, after the fork. */
    private static volatile Plan current;

    private SubprocessChild() {
    }

    /** Built in the parent, which also initializes this class: the child must not load it. */
    static Plan plan(CheckedExecutables executables, List<byte[]> argv, List<byte[]> envp, int[] groups, int gid, int uid) {
        return new Plan(executables, argv, envp, groups, gid, uid);
    }

    static void enter(Plan plan) {
        current = plan;
    }

    static Plan current(OsContext context, String function) {
        Plan plan = current;
        if (plan == null) {
            throw context.errors().permissionError(function + "() runs only in a child forked by subprocess_fork");
        }
        return plan;
    }
}
