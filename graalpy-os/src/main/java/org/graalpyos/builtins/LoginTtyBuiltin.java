package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;

/** login_tty(fd): os.login_tty, and the child half of os.forkpty. */
final class LoginTtyBuiltin extends Builtin {
    LoginTtyBuiltin() {
        super("login_tty(fd: int) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int fd = args.integer("fd");
        context.checkNativeAccess("login_tty");
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = ProcessCalls.loginTty(Downcalls.allocateErrnoState(arena), fd);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return null;
    }
}
