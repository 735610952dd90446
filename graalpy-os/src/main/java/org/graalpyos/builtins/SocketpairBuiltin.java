package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SocketCalls;

/**
 * socketpair(family, type, proto) → "fd1 fd2", both close-on-exec (non-inheritable, PEP 446):
 * socket.socketpair, which GraalPy emulates with a TCP loopback pair that cannot carry fds.
 */
final class SocketpairBuiltin extends Builtin {
    SocketpairBuiltin() {
        super("socketpair(family: int, type: int, proto: int) -> (int, int)");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int family = args.integer("family");
        int type = args.integer("type");
        int proto = args.integer("proto");
        context.checkNativeAccess("socketpair");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            int rc = SocketCalls.socketpair(Downcalls.allocateErrnoState(arena), family, type | SocketCalls.SOCK_CLOEXEC, proto, fds);
            if (rc < 0) {
                throw context.errors().osError(-rc, null);
            }
            return new long[]{fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }
}
