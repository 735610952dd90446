package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The linker, libc's symbols, errno capture, and the only {@code invokeExact} sites of the
 * project: one helper per call shape (method type). A forked JVM child must not link a call site,
 * so each site is linked once in the parent by any call of its shape ({@link ForkChildCalls}),
 * after which the child may call other handles of the same shape through it.
 *
 * <p>Three kinds of call, one result convention, a non-negative result or -errno:
 * {@code call*} for calls that set errno (their handles capture it: {@link #CAPTURE_ERRNO}),
 * {@code callReturningError} for calls that return the error number (posix_spawn,
 * pthread_sigmask), {@code callPlain*} for calls that cannot fail.
 */
public final class Downcalls {
    private Downcalls() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    /**
     * No Java thread-state transition around the call: a forked child whose copied safepoint
     * state is armed can still make it (_exit, write, nanosleep of the fork protocol).
     */
    static final Linker.Option CRITICAL = Linker.Option.critical(false);
    private static final VarHandle ERRNO = Linker.Option.captureStateLayout()
                    .varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** The segment every {@code call*} helper captures errno into; confined to the thread of {@code arena}. */
    public static MemorySegment allocateErrnoState(Arena arena) {
        return arena.allocate(Linker.Option.captureStateLayout());
    }

    static int errno(MemorySegment errnoState) {
        return (int) ERRNO.get(errnoState, 0L);
    }

    static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(symbol(name), descriptor, options);
    }

    /** The handle, or null where this libc lacks the function (newer glibc additions). */
    static MethodHandle downcallIfPresent(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LIBC.find(name).isPresent() ? downcall(name, descriptor, options) : null;
    }

    static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private static final class Errno {
        static final MethodHandle LOCATION = downcall("__errno_location", FunctionDescriptor.of(ValueLayout.ADDRESS));
    }

    /** The errno a call captured: for the calls whose every result is valid (getpriority, nice), which tell an error by errno alone. */
    public static int capturedErrno(MemorySegment errnoState) {
        return errno(errnoState);
    }

    /** Sets this thread's errno to 0 before such a call. */
    private static void clearErrno() throws Throwable {
        ((MemorySegment) Errno.LOCATION.invokeExact()).reinterpret(4).set(ValueLayout.JAVA_INT, 0, 0);
    }

    private static int result(int rc, MemorySegment errnoState) {
        return rc < 0 ? -errno(errnoState) : rc;
    }

    private static long result(long rc, MemorySegment errnoState) {
        return rc < 0 ? -errno(errnoState) : rc;
    }

    // ---- calls that set errno: the result or -errno ----

    /** () → int. */
    static int call(MethodHandle h, MemorySegment e) {
        try {
            return result((int) h.invokeExact(e), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int) → int. */
    static int call(MethodHandle h, MemorySegment e, int a) {
        try {
            return result((int) h.invokeExact(e, a), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b) {
        try {
            return result((int) h.invokeExact(e, a, b), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, int) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b, int c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a) {
        try {
            return result((int) h.invokeExact(e, a), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int) → int. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a, int b) {
        try {
            return result((int) h.invokeExact(e, a, b), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a, MemorySegment b) {
        try {
            return result((int) h.invokeExact(e, a, b), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a, MemorySegment b, MemorySegment c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b, MemorySegment c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, long) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b, long c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b) {
        try {
            return result((int) h.invokeExact(e, a, b), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b, MemorySegment c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (long, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, long a, MemorySegment b) {
        try {
            return result((int) h.invokeExact(e, a, b), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, long) → int. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a, long b) {
        try {
            return result((int) h.invokeExact(e, a, b), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, long, int) → int. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a, long b, int c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, pointer, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b, MemorySegment c, MemorySegment d) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, pointer, int) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b, MemorySegment c, int d) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, int, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, int b, int c, MemorySegment d) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int, int) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c, int d) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int, pointer) → int. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c, MemorySegment d) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, size_t) → ssize_t. */
    static long callSize(MethodHandle h, MemorySegment e, int a, MemorySegment b, long c) {
        try {
            return result((long) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, size_t, int) → ssize_t. */
    static long callSize(MethodHandle h, MemorySegment e, MemorySegment a, long b, int c) {
        try {
            return result((long) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int) → int with errno cleared first: the result as it is; {@link #capturedErrno} tells an error. */
    static int callClearingErrno(MethodHandle h, MemorySegment e, int a) {
        try {
            clearErrno();
            return (int) h.invokeExact(e, a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int) → int with errno cleared first: the result as it is; {@link #capturedErrno} tells an error. */
    static int callClearingErrno(MethodHandle h, MemorySegment e, int a, int b) {
        try {
            clearErrno();
            return (int) h.invokeExact(e, a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int) → ssize_t. */
    static long callSize(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c) {
        try {
            return result((long) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, size_t) → size_t, errno left to the caller (confstr: 0 is both "no value" and an error). */
    static long callUnsigned(MethodHandle h, MemorySegment e, int a, MemorySegment b, long c) {
        try {
            return (long) h.invokeExact(e, a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer) → pointer, NULL on failure (errno in {@code e}). */
    static MemorySegment callPointer(MethodHandle h, MemorySegment e, MemorySegment a) {
        try {
            return (MemorySegment) h.invokeExact(e, a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** () → pointer, NULL on failure (errno in {@code e}). */
    static MemorySegment callPointer(MethodHandle h, MemorySegment e) {
        try {
            return (MemorySegment) h.invokeExact(e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer) → pointer, NULL on failure (errno in {@code e}). */
    static MemorySegment callPointer(MethodHandle h, MemorySegment e, int a, MemorySegment b) {
        try {
            return (MemorySegment) h.invokeExact(e, a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer) → int, a result that is not -1 on failure (errno in {@code e}, left to the caller). */
    static int callPlain(MethodHandle h, MemorySegment e, MemorySegment a) {
        try {
            return (int) h.invokeExact(e, a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- calls that return the error number: 0 or -error ----

    /** (pointer) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a) {
        try {
            return -(int) h.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, int b) {
        try {
            return -(int) h.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, short) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, short b) {
        try {
            return -(int) h.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int, int) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, int b, int c) {
        try {
            return -(int) h.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, MemorySegment b) {
        try {
            return -(int) h.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, pointer) → error. */
    static int callReturningError(MethodHandle h, int a, MemorySegment b, MemorySegment c) {
        try {
            return -(int) h.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int, pointer, int, int) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, int b, MemorySegment c, int d, int e) {
        try {
            return -(int) h.invokeExact(a, b, c, d, e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer × 6) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, MemorySegment b, MemorySegment c, MemorySegment d, MemorySegment e,
                    MemorySegment f) {
        try {
            return -(int) h.invokeExact(a, b, c, d, e, f);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, pointer, long, pointer) → error. */
    static int callReturningError(MethodHandle h, int a, MemorySegment b, MemorySegment c, long d, MemorySegment e) {
        try {
            return -(int) h.invokeExact(a, b, c, d, e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer, pointer, long, pointer) → error. */
    static int callReturningError(MethodHandle h, MemorySegment a, MemorySegment b, MemorySegment c, long d, MemorySegment e) {
        try {
            return -(int) h.invokeExact(a, b, c, d, e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- calls that cannot fail ----

    /** () → int. */
    static int callPlain(MethodHandle h) {
        try {
            return (int) h.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int) → long. */
    static long callPlainLong(MethodHandle h, int a) {
        try {
            return (long) h.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int) → pointer. */
    static MemorySegment callPlainPointer(MethodHandle h, int a) {
        try {
            return (MemorySegment) h.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** () → void. */
    static void callPlainVoid(MethodHandle h) {
        try {
            h.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int) → void. */
    static void callPlainVoid(MethodHandle h, int a) {
        try {
            h.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int) → int. */
    static int callPlain(MethodHandle h, int a) {
        try {
            return (int) h.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int, pointer, pointer) → int. */
    static int callPlain(MethodHandle h, MemorySegment a, int b, MemorySegment c, MemorySegment d) {
        try {
            return (int) h.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer) → void. */
    static void callPlainVoid(MethodHandle h, MemorySegment a) {
        try {
            h.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** () → pointer. */
    static MemorySegment callPlainPointer(MethodHandle h) {
        try {
            return (MemorySegment) h.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int, int) → void. */
    static void callPlainVoid(MethodHandle h, MemorySegment a, int b, int c) {
        try {
            h.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, pointer) → void: a variadic call's fixed and variadic arguments alike. */
    static void callPlainVoid(MethodHandle h, int a, MemorySegment b, MemorySegment c) {
        try {
            h.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }


    // ---- the os functions of file I/O, paths, extended attributes, affinity and times (osfuncs) ----

    /** (int, pointer, size_t, off_t) → ssize_t: pread, pwrite. */
    static long callSize(MethodHandle h, MemorySegment e, int a, MemorySegment b, long c, long d) {
        try {
            return result((long) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int, off_t, int) → ssize_t: preadv2, pwritev2. */
    static long callSize(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c, long d, int f) {
        try {
            return result((long) h.invokeExact(e, a, b, c, d, f), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int, pointer, size_t) → ssize_t: sendfile. */
    static long callSize(MethodHandle h, MemorySegment e, int a, int b, MemorySegment c, long d) {
        try {
            return result((long) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int, pointer, size_t, unsigned) → ssize_t: splice, copy_file_range. */
    static long callSize(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c, MemorySegment d, long f, int g) {
        try {
            return result((long) h.invokeExact(e, a, b, c, d, f, g), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, int, dev_t) → int: mknodat. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b, int c, long d) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer, pointer, size_t) → ssize_t: getxattr, lgetxattr. */
    static long callSize(MethodHandle h, MemorySegment e, MemorySegment a, MemorySegment b, MemorySegment c, long d) {
        try {
            return result((long) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, pointer, size_t) → ssize_t: fgetxattr. */
    static long callSize(MethodHandle h, MemorySegment e, int a, MemorySegment b, MemorySegment c, long d) {
        try {
            return result((long) h.invokeExact(e, a, b, c, d), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer, pointer, size_t, int) → int: setxattr, lsetxattr. */
    static int call(MethodHandle h, MemorySegment e, MemorySegment a, MemorySegment b, MemorySegment c, long d, int f) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d, f), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, pointer, size_t, int) → int: fsetxattr. */
    static int call(MethodHandle h, MemorySegment e, int a, MemorySegment b, MemorySegment c, long d, int f) {
        try {
            return result((int) h.invokeExact(e, a, b, c, d, f), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, pointer, size_t) → ssize_t: listxattr, llistxattr. */
    static long callSize(MethodHandle h, MemorySegment e, MemorySegment a, MemorySegment b, long c) {
        try {
            return result((long) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, size_t, pointer) → int: sched_getaffinity, sched_setaffinity. */
    static int call(MethodHandle h, MemorySegment e, int a, long b, MemorySegment c) {
        try {
            return result((int) h.invokeExact(e, a, b, c), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer) → clock_t: times. */
    static long callSize(MethodHandle h, MemorySegment e, MemorySegment a) {
        try {
            return result((long) h.invokeExact(e, a), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, off_t, off_t, int) → error: posix_fadvise. */
    static int callReturningError(MethodHandle h, int a, long b, long c, int d) {
        try {
            return (int) h.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, off_t, off_t) → error: posix_fallocate. */
    static int callReturningError(MethodHandle h, int a, long b, long c) {
        try {
            return (int) h.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, pointer, size_t) → error: ttyname_r. */
    static int callReturningError(MethodHandle h, int a, MemorySegment b, long c) {
        try {
            return (int) h.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (pointer, int) → long with errno cleared first: the result as it is; {@link #capturedErrno} tells an error (pathconf). */
    static long callClearingErrnoLong(MethodHandle h, MemorySegment e, MemorySegment a, int b) {
        try {
            clearErrno();
            return (long) h.invokeExact(e, a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** (int, int) → long with errno cleared first: the result as it is; {@link #capturedErrno} tells an error (fpathconf). */
    static long callClearingErrnoLong(MethodHandle h, MemorySegment e, int a, int b) {
        try {
            clearErrno();
            return (long) h.invokeExact(e, a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
