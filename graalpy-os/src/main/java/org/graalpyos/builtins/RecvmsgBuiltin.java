package org.graalpyos.builtins;

import java.nio.charset.StandardCharsets;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.socket.FdPassing;

/**
 * recvmsg(fd, bufsize, max_fds, flags) → (msg_flags, fds, data):
 * socket.recvmsg keeping only SCM_RIGHTS messages.
 */
final class RecvmsgBuiltin extends Builtin {
    RecvmsgBuiltin() {
        super("recvmsg(fd: int, bufsize: int, max_fds: int, flags: int) -> (int, [int], bytes)");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int fd = args.integer("fd");
        int bufsize = args.integer("bufsize");
        int maxFds = args.integer("max_fds");
        int flags = args.integer("flags");
        context.checkNativeAccess("recvmsg");
        FdPassing.Received received;
        try {
            received = FdPassing.receive(fd, bufsize, maxFds, flags);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
        return new Object[]{received.flags(), received.fds(), received.data()};
    }
}
