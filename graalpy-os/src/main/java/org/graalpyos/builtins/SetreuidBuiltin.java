package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/** setreuid(ruid, euid): os.setreuid; the shim converted both ids as CPython's _Py_Uid_Converter (-1: unchanged). */
final class SetreuidBuiltin implements Builtin {
    @Override
    public String name() {
        return "setreuid";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        int ruid = (int) Args.toLong(context, args[0]);
        int euid = (int) Args.toLong(context, args[1]);
        context.checkCredentialChange("setreuid", ruid, euid);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = Libc.setreuid(Libc.allocateErrnoState(arena), ruid, euid);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return true;
    }
}
