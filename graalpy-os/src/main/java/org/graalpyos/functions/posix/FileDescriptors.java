package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.jvm.JvmFiles;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.FileCalls;

/**
 * os.closerange and os.lockf. closerange closes what CPython's does but the JVM's own fds, which
 * it keeps open and marks close-on-exec (docs/decisions.md D17). Both run in forked children
 * (supervisor's child closes 3..1023, then execs): no lambdas, only calls linked before a fork.
 */
public final class FileDescriptors {
    private FileDescriptors() {
    }

    public static List<Builtin> all() {
        return List.of(new CloseRange());
    }

    /** os.lockf: graalpy_os/fileops.py is its body (audit "os.lockf"), over the builtin lockf. */
    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("fileops", "posix.lockf(fd: int, command: int, length: long, /) -> None", """
                        Apply, test or remove a POSIX lock on an open file descriptor.

                          fd
                            An open file descriptor.
                          command
                            One of F_LOCK, F_TLOCK, F_ULOCK or F_TEST.
                          length
                            The number of bytes to lock, starting at the current position."""));
    }

    /** The builtins only the shims call. */
    public static List<Builtin> internal() {
        return List.of(new Lockf());
    }

    /**
     * CPython's _Py_closerange(fd_low, fd_high - 1): from max(fd_low, 0) to fd_high - 1, where a
     * negative end is close_range's unsigned "every fd"; an empty range closes nothing.
     */
    static final class CloseRange extends Builtin {
        CloseRange() {
            super("posix.closerange(fd_low: int, fd_high: int, /) -> None", "Closes all file descriptors in [fd_low, fd_high), ignoring errors.");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int first = Math.max(args.integer("fd_low"), 0);
            int last = args.integer("fd_high") - 1;
            context.checkNativeAccess("closerange");
            if (last < 0) {
                last = Integer.MAX_VALUE;
            }
            if (first > last) {
                return null;
            }
            int[] jvmFds = JvmFiles.jvmFds(first, last);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
                for (int fd : jvmFds) {
                    int flags = FileCalls.fcntl(errnoState, fd, FileCalls.F_GETFD, 0);
                    if (flags >= 0 && (flags & FileCalls.FD_CLOEXEC) == 0) {
                        FileCalls.fcntl(errnoState, fd, FileCalls.F_SETFD, flags | FileCalls.FD_CLOEXEC);
                    }
                }
                FileCalls.closeRangeExcept(errnoState, first, last, jvmFds);
            }
            return null;
        }
    }

    /** lockf(fd, command, length): None, or OSError; EINTR retried (PEP 475). */
    static final class Lockf extends Builtin {
        Lockf() {
            super("lockf(fd: int, command: int, length: long) -> None");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int fd = args.integer("fd");
            int command = args.integer("command");
            long length = args.longInteger("length");
            context.checkNativeAccess("lockf");
            int rc;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
                do {
                    rc = FileCalls.lockf(errnoState, fd, command, length);
                } while (rc == -Errno.EINTR);
            }
            context.errors().checked(rc);
            return null;
        }
    }
}
