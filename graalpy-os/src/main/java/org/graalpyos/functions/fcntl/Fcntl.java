package org.graalpyos.functions.fcntl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.FileCalls;

/**
 * fcntl.fcntl: graalpy_os/fcntl_.py is its body (the audit event and the third argument's
 * conversion, as CPython 3.12's fcntl_fcntl_impl), over two builtins only the shim calls: fcntl
 * with an int argument, and with a copy of a buffer of at most 1024 bytes, returned as the call
 * left it. EINTR is retried (PEP 475). No lambdas or string concatenation by invokedynamic: a
 * forked child calls them (D15), through handles {@code ForkChildCalls.linkForkChildCalls} links.
 */
public final class Fcntl {
    private Fcntl() {
    }

    /** CPython's buffer: the argument is copied into it, and the call may write anywhere in it. */
    public static final int BUFFER_SIZE = 1024;

    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("fcntl_", "fcntl.fcntl(fd: fildes, cmd: int, arg: object(c_default='NULL') = 0, /) -> object", """
                        Perform the operation `cmd` on file descriptor fd.

                        The values used for `cmd` are operating system dependent, and are available
                        as constants in the fcntl module, using the same names as used in
                        the relevant C header files.  The argument arg is optional, and
                        defaults to 0; it may be an int or a string.  If arg is given as a string,
                        the return value of fcntl is a string of that length, containing the
                        resulting value put in the arg buffer by the operating system.  The length
                        of the arg string is not allowed to exceed 1024 bytes.  If the arg given
                        is an integer or if none is specified, the result value is an integer
                        corresponding to the return value of the fcntl call in the C code."""));
    }

    /** The builtins only the shim calls. */
    public static List<Builtin> internal() {
        return List.of(new WithInt(), new WithBuffer());
    }

    /** fcntl(fd, cmd, arg) with a C int argument: the call's result. */
    static final class WithInt extends Builtin {
        WithInt() {
            super("fcntl_int(fd: int, cmd: int, arg: int) -> int");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int fd = args.integer("fd");
            int cmd = args.integer("cmd");
            int arg = args.integer("arg");
            context.checkNativeAccess("fcntl");
            int rc;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
                do {
                    rc = FileCalls.fcntl(errnoState, fd, cmd, arg);
                } while (rc == -Errno.EINTR);
            }
            return context.errors().checked(rc);
        }
    }

    /** fcntl(fd, cmd, buffer) with the bytes copied into a {@link #BUFFER_SIZE} buffer: as many bytes back, as the call left them. */
    static final class WithBuffer extends Builtin {
        WithBuffer() {
            super("fcntl_buffer(fd: int, cmd: int, arg: bytes) -> bytes");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int fd = args.integer("fd");
            int cmd = args.integer("cmd");
            byte[] arg = args.bytes("arg");
            if (arg.length > BUFFER_SIZE) {
                throw context.errors().valueError("fcntl string arg too long");
            }
            context.checkNativeAccess("fcntl");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
                MemorySegment buffer = arena.allocate(BUFFER_SIZE, 8);
                int rc;
                do {
                    rc = FileCalls.fcntl(errnoState, fd, cmd, arg, buffer);
                } while (rc == -Errno.EINTR);
                context.errors().checked(rc);
                return arg;
            }
        }
    }
}
