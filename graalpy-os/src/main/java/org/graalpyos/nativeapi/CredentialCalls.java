package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The process's user and group ids: set*id(2) through glibc, which applies a change to every
 * thread of the process (its setxid broadcast), the JVM's threads included; ids are the 32 bits of
 * uid_t/gid_t ((uid_t) -1: unchanged). Each call returns 0 or -errno.
 */
public final class CredentialCalls {
    private CredentialCalls() {
    }

    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final FunctionDescriptor INT_OF_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor INT_OF_3_INTS = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor INT_OF_3_POINTERS = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);

    private static final MethodHandle SETUID = Libc.downcall("setuid", INT_OF_INT, ERRNO);
    private static final MethodHandle SETGID = Libc.downcall("setgid", INT_OF_INT, ERRNO);
    private static final MethodHandle SETEUID = Libc.downcall("seteuid", INT_OF_INT, ERRNO);
    private static final MethodHandle SETEGID = Libc.downcall("setegid", INT_OF_INT, ERRNO);
    private static final MethodHandle SETRESUID = Libc.downcall("setresuid", INT_OF_3_INTS, ERRNO);
    private static final MethodHandle SETRESGID = Libc.downcall("setresgid", INT_OF_3_INTS, ERRNO);
    private static final MethodHandle GETRESUID = Libc.downcall("getresuid", INT_OF_3_POINTERS, ERRNO);
    private static final MethodHandle GETRESGID = Libc.downcall("getresgid", INT_OF_3_POINTERS, ERRNO);

    /** Which id a one-id call sets. */
    public enum Id {
        UID(SETUID), GID(SETGID), EUID(SETEUID), EGID(SETEGID);

        final MethodHandle setter;

        Id(MethodHandle setter) {
            this.setter = setter;
        }
    }

    /** setuid, setgid, seteuid or setegid. */
    public static int set(Id id, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.allocateErrnoState(arena);
            int rc = (int) id.setter.invokeExact(errno, value);
            return rc < 0 ? -Libc.errno(errno) : rc;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** setresuid (user) or setresgid. */
    public static int setRealEffectiveSaved(boolean user, int real, int effective, int saved) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.allocateErrnoState(arena);
            int rc = (int) (user ? SETRESUID : SETRESGID).invokeExact(errno, real, effective, saved);
            return rc < 0 ? -Libc.errno(errno) : rc;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** getresuid (user) or getresgid into {@code ids} (real, effective, saved, as uid_t bits): 0 or -errno. */
    public static int getRealEffectiveSaved(boolean user, int[] ids) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.allocateErrnoState(arena);
            MemorySegment values = arena.allocate(JAVA_INT, 3);
            int rc = (int) (user ? GETRESUID : GETRESGID).invokeExact(errno, values, values.asSlice(4), values.asSlice(8));
            if (rc < 0) {
                return -Libc.errno(errno);
            }
            for (int i = 0; i < 3; i++) {
                ids[i] = values.getAtIndex(JAVA_INT, i);
            }
            return 0;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
