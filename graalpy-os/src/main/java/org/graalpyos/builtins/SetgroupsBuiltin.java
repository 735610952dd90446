package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.Libc;

/** setgroups(gids): os.setgroups; gids as the shim's space-separated gid_t values (Wire). */
final class SetgroupsBuiltin implements Builtin {
    @Override
    public String name() {
        return "setgroups";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        int[] groups = Wire.parseUnsignedInts(Args.toJavaString(context, args[0]));
        context.checkCredentialChange("setgroups", groups);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = Libc.setgroups(arena, Libc.allocateErrnoState(arena), groups);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return true;
    }
}
