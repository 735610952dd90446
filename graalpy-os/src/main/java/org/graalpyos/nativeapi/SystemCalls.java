package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** The C library and the kernel about themselves: strerror, confstr, gettid, getrandom. */
public final class SystemCalls {
    private SystemCalls() {
    }

    private static final class Messages {
        static final MethodHandle STRERROR = downcall("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    private static final class Configuration {
        static final MethodHandle CONFSTR = downcall("confstr", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
    }

    private static final class Random {
        static final MethodHandle GETRANDOM = downcall("getrandom", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    }

    /** getrandom(2) into {@code buffer}: the number of bytes or -errno. */
    public static long getrandom(MemorySegment errnoState, MemorySegment buffer, int flags) {
        return Downcalls.callSize(Random.GETRANDOM, errnoState, buffer, buffer.byteSize(), flags);
    }

    /** getrandom(2) until {@code buffer} is full (a large request may be filled in parts, or interrupted): 0 or -errno. */
    public static int fillRandom(MemorySegment errnoState, MemorySegment buffer) {
        long filled = 0;
        while (filled < buffer.byteSize()) {
            long count = getrandom(errnoState, buffer.asSlice(filled), 0);
            if (count < 0 && count != -Errno.EINTR) {
                return (int) count;
            }
            filled += Math.max(count, 0);
        }
        return 0;
    }

    /** clock_gettime(2), clock_getres(2), clock_settime(2): time's clock_* functions. */
    private static final class Clocks {
        static final MethodHandle GETTIME = downcall("clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle GETRES = downcall("clock_getres", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SETTIME = downcall("clock_settime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
    }

    @CConstant("sizeof(struct timespec)") public static final long TIMESPEC_SIZE = 16;

    /** clock_gettime(2), or clock_getres(2) with {@code resolution}, into a struct timespec: 0 or -errno. */
    public static int clockTime(MemorySegment errnoState, int clock, boolean resolution, MemorySegment timespec) {
        return Downcalls.call(resolution ? Clocks.GETRES : Clocks.GETTIME, errnoState, clock, timespec);
    }

    /** clock_settime(2): 0 or -errno. */
    public static int clockSettime(MemorySegment errnoState, int clock, MemorySegment timespec) {
        return Downcalls.call(Clocks.SETTIME, errnoState, clock, timespec);
    }

    private static final class Threads {
        static final MethodHandle GETTID = downcall("gettid", FunctionDescriptor.of(JAVA_INT));
    }

    /** The C library's message for an errno value, as CPython's os.strerror gives it. */
    public static String strerror(int errno) {
        return Downcalls.callPlainPointer(Messages.STRERROR, errno).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** gettid(2): the kernel's id of the calling thread. */
    public static int gettid() {
        return Downcalls.callPlain(Threads.GETTID);
    }

    /** confstr(3): the value, null when the name has no value; throws {@link NativeError} on EINVAL. */
    public static String confstr(int name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            long needed = Downcalls.callUnsigned(Configuration.CONFSTR, errnoState, name, MemorySegment.NULL, 0L);
            if (needed == 0) {
                int err = Downcalls.errno(errnoState);
                if (err != 0) {
                    throw new NativeError(err);
                }
                return null;
            }
            MemorySegment buf = arena.allocate(needed);
            if (Downcalls.callUnsigned(Configuration.CONFSTR, errnoState, name, buf, needed) == 0) {
                throw new NativeError(Downcalls.errno(errnoState));
            }
            return buf.getString(0);
        }
    }
}
