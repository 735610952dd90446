package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.socket.FdPassing;

/** sendmsg(fd, data, fds, flags) → bytes sent: socket.sendmsg with an SCM_RIGHTS message; data latin-1, fds "3 4" ({@link Wire}). */
final class SendmsgBuiltin implements Builtin {
    @Override
    public String name() {
        return "sendmsg";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 4);
        int fd = Args.toInt(context, args[0]);
        byte[] data = Wire.bytes(Args.toJavaString(context, args[1]));
        int[] fds = Wire.parseInts(Args.toJavaString(context, args[2]));
        int flags = Args.toInt(context, args[3]);
        context.checkNativeAccess("sendmsg");
        try {
            return FdPassing.send(fd, data, fds, flags);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), null);
        }
    }
}
