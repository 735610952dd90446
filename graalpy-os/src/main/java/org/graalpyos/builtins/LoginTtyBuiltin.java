package org.graalpyos.builtins;

import java.lang.foreign.Arena;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/** login_tty(fd): os.login_tty, and the child half of os.forkpty. */
final class LoginTtyBuiltin implements Builtin {
    @Override
    public String name() {
        return "login_tty";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        int fd = Args.toInt(context, args[0]);
        context.checkNativeAccess("login_tty");
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = Libc.loginTty(Libc.allocateErrnoState(arena), fd);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return true;
    }
}
