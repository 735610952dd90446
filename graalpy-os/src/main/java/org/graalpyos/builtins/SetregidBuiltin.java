package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/** setregid(rgid, egid): os.setregid; the shim converted both ids as CPython's _Py_Gid_Converter (-1: unchanged). */
final class SetregidBuiltin implements Builtin {
    @Override
    public String name() {
        return "setregid";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        int rgid = (int) Args.toLong(context, args[0]);
        int egid = (int) Args.toLong(context, args[1]);
        context.checkCredentialChange("setregid", rgid, egid);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = Libc.setregid(Libc.allocateErrnoState(arena), rgid, egid);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return true;
    }
}
