package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.socket.FdPassing;

/** sendmsg(fd, data, fds, flags) → bytes sent: socket.sendmsg with an SCM_RIGHTS message. */
final class SendmsgBuiltin extends Builtin {
    SendmsgBuiltin() {
        super("sendmsg(fd: int, data: bytes, fds: [int], flags: int) -> long");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int fd = args.integer("fd");
        byte[] data = args.bytes("data");
        int[] fds = args.integers("fds");
        int flags = args.integer("flags");
        context.checkNativeAccess("sendmsg");
        try {
            return FdPassing.send(fd, data, fds, flags);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
