package org.graalpyos.builtins;

import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.ChildPlan;
import org.graalpyos.subprocess.SubprocessChild;

/** The plan of this child of subprocess_fork; PermissionError in any other process. */
final class SubprocessChildPlan {
    private SubprocessChildPlan() {
    }

    static ChildPlan of(OsContext context, String builtin) {
        ChildPlan plan = SubprocessChild.plan();
        if (plan == null) {
            throw context.errors().permissionError(builtin + "() runs only in a child forked by subprocess_fork");
        }
        return plan;
    }
}
