package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;

/** setregid(rgid, egid): os.setregid; the shim converted both ids as CPython's _Py_Gid_Converter (-1: unchanged). */
final class SetregidBuiltin extends Builtin {
    SetregidBuiltin() {
        super("setregid(rgid: gid_t, egid: gid_t) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int rgid = args.integer("rgid");
        int egid = args.integer("egid");
        context.checkCredentialChange("setregid", rgid, egid);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = ProcessCalls.setregid(Downcalls.allocateErrnoState(arena), rgid, egid);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return null;
    }
}
