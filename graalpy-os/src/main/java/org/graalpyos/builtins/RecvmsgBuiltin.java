package org.graalpyos.builtins;

import java.nio.charset.StandardCharsets;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.socket.FdPassing;

/**
 * recvmsg(fd, bufsize, maxfds, flags) → "msg_flags fd...\0data" ({@link Wire}; data latin-1):
 * socket.recvmsg keeping only SCM_RIGHTS messages.
 */
final class RecvmsgBuiltin implements Builtin {
    @Override
    public String name() {
        return "recvmsg";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 4);
        int fd = Args.toInt(context, args[0]);
        int bufsize = Args.toInt(context, args[1]);
        int maxFds = Args.toInt(context, args[2]);
        int flags = Args.toInt(context, args[3]);
        context.checkNativeAccess("recvmsg");
        FdPassing.Received received;
        try {
            received = FdPassing.receive(fd, bufsize, maxFds, flags);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
        long[] header = new long[1 + received.fds().length];
        header[0] = received.flags();
        for (int i = 0; i < received.fds().length; i++) {
            header[1 + i] = received.fds()[i];
        }
        return Wire.ints(header) + "\0" + new String(received.data(), StandardCharsets.ISO_8859_1);
    }
}
