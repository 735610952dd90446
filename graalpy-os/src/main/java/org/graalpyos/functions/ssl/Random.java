package org.graalpyos.functions.ssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SystemCalls;

/**
 * _ssl's RAND_bytes, RAND_status and RAND_add (GraalPy's raise NotImplementedError) over the
 * kernel's generator, getrandom(2), which needs no seeding: a forked child never repeats its
 * parent's bytes, which is what CPython's documentation asks of a program that forks.
 */
public final class Random {
    private Random() {
    }

    public static List<Builtin> all() {
        return List.of(new RandBytes(), new RandStatus());
    }

    /** RAND_add: graalpy_os/ssl_.py is its body (its argument is a str or any buffer). */
    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("ssl_", "_ssl.RAND_add(string: object, entropy: object, /) -> None", """
                        Mix string into the OpenSSL PRNG state.

                        entropy (a float) is a lower bound on the entropy contained in
                        string.  See RFC 4086."""));
    }

    static final class RandBytes extends Builtin {
        RandBytes() {
            super("_ssl.RAND_bytes(n: int, /) -> bytes", "Generate n cryptographically strong pseudo-random bytes.");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("RAND_bytes");
            int n = args.integer("n");
            if (n < 0) {
                throw context.errors().valueError("num must be positive");
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(Math.max(n, 1)).asSlice(0, n);
                context.errors().checked(SystemCalls.fillRandom(Downcalls.allocateErrnoState(arena), buffer));
                return buffer.toArray(JAVA_BYTE);
            }
        }
    }

    static final class RandStatus extends Builtin {
        RandStatus() {
            super("_ssl.RAND_status() -> bool", """
                            Returns True if the OpenSSL PRNG has been seeded with enough data and False if not.

                            It is necessary to seed the PRNG with RAND_add() on some platforms before
                            using the ssl() function.""");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            return true; // getrandom(2) blocks only until the kernel's pool is initialised, once per boot
        }
    }
}
