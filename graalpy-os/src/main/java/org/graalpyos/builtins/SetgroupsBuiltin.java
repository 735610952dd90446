package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;

/** os.setgroups. */
final class SetgroupsBuiltin extends Builtin {
    SetgroupsBuiltin() {
        super("setgroups(groups: [gid_t]) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int[] groups = args.integers("groups");
        context.checkCredentialChange("setgroups", groups);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = ProcessCalls.setgroups(arena, Downcalls.allocateErrnoState(arena), groups);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return null;
    }
}
