package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;

/** setreuid(ruid, euid): os.setreuid; the shim converted both ids as CPython's _Py_Uid_Converter (-1: unchanged). */
final class SetreuidBuiltin extends Builtin {
    SetreuidBuiltin() {
        super("setreuid(ruid: uid_t, euid: uid_t) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int ruid = args.integer("ruid");
        int euid = args.integer("euid");
        context.checkCredentialChange("setreuid", ruid, euid);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = ProcessCalls.setreuid(Downcalls.allocateErrnoState(arena), ruid, euid);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return null;
    }
}
