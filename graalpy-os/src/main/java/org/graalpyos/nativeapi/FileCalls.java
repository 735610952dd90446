package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** File descriptors and paths: open, close, read, write, dup, fcntl, pipes, poll, access, chdir, directory listings. */
public final class FileCalls {
    private FileCalls() {
    }

    @CConstant public static final int O_RDONLY = 0;
    @CConstant public static final int O_CLOEXEC = 0x80000;
    @CConstant public static final int F_GETFD = 1;
    @CConstant public static final int F_SETFD = 2;
    @CConstant public static final int FD_CLOEXEC = 1;
    @CConstant public static final int F_DUPFD_CLOEXEC = 1030;
    @CConstant public static final int F_OK = 0;
    @CConstant public static final short POLLIN = 1;
    @CConstant("sizeof(struct pollfd)") public static final long POLLFD_SIZE = 8;
    @CConstant("_SC_OPEN_MAX") private static final int SC_OPEN_MAX = 4;

    static final class Fds {
        static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle READ = downcall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle WRITE = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle DUP2 = downcall("dup2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle DUP3 = downcall("dup3", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle FCNTL = downcall("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                        CAPTURE_ERRNO, java.lang.foreign.Linker.Option.firstVariadicArg(2));
        /** fcntl(2) with a pointer argument (struct flock, f_owner_ex, ...). */
        static final MethodHandle FCNTL_POINTER = downcall("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                        CAPTURE_ERRNO, java.lang.foreign.Linker.Option.firstVariadicArg(2));
        static final MethodHandle LOCKF = downcall("lockf", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle PIPE2 = downcall("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle POLL = downcall("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    }

    static final class Paths {
        static final MethodHandle ACCESS = downcall("access", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle CHDIR = downcall("chdir", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
    }

    /** What a subprocess child closes its fds with. */
    static final class CloseAll {
        /** glibc 2.34+ and Linux 5.9+. */
        static final MethodHandle CLOSE_RANGE = Downcalls.downcallIfPresent("close_range",
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SYSCONF = downcall("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));
    }

    private static final class Directory {
        static final MethodHandle OPENDIR = downcall("opendir", FunctionDescriptor.of(ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle READDIR = downcall("readdir", FunctionDescriptor.of(ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle CLOSEDIR = downcall("closedir", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        /** After d_ino, d_off, d_reclen and d_type of glibc's 64-bit struct dirent. */
        @CConstant("offsetof(struct dirent64, d_name)") static final long NAME_OFFSET = 19;
    }

    /** close(2): 0 or -errno. */
    public static int close(MemorySegment errnoState, int fd) {
        return Downcalls.call(Fds.CLOSE, errnoState, fd);
    }

    /** read(2): the byte count or -errno. */
    public static long read(MemorySegment errnoState, int fd, MemorySegment buffer, long count) {
        return Downcalls.callSize(Fds.READ, errnoState, fd, buffer, count);
    }

    /** write(2): the byte count or -errno. */
    public static long write(MemorySegment errnoState, int fd, MemorySegment buffer, long count) {
        return Downcalls.callSize(Fds.WRITE, errnoState, fd, buffer, count);
    }

    /** open(2) read-only, close-on-exec: the fd or -errno. */
    public static int openReadOnly(MemorySegment errnoState, MemorySegment path) {
        return Downcalls.call(Fds.OPEN, errnoState, path, O_RDONLY | O_CLOEXEC);
    }

    /** dup2(2): the new fd or -errno. */
    public static int dup2(MemorySegment errnoState, int fd, int newFd) {
        return Downcalls.call(Fds.DUP2, errnoState, fd, newFd);
    }

    /** dup3(2): the new fd or -errno. */
    public static int dup3(MemorySegment errnoState, int oldFd, int newFd, int flags) {
        return Downcalls.call(Fds.DUP3, errnoState, oldFd, newFd, flags);
    }

    /** fcntl(2) with an int argument: its result or -errno. */
    public static int fcntl(MemorySegment errnoState, int fd, int command, int argument) {
        return Downcalls.call(Fds.FCNTL, errnoState, fd, command, argument);
    }

    /** fcntl(2) with a pointer argument ({@code buffer}, which the call may change): its result or -errno. */
    public static int fcntl(MemorySegment errnoState, int fd, int command, MemorySegment buffer) {
        return Downcalls.call(Fds.FCNTL_POINTER, errnoState, fd, command, buffer);
    }

    /**
     * fcntl(2) with a pointer to {@code buffer} holding a copy of {@code data} (the buffer at least
     * as long; the call may write anywhere in it): its result or -errno, the first
     * {@code data.length} bytes the call left copied back into {@code data}. The copies link JDK
     * lambdas: {@link ForkChildCalls#linkForkChildCalls} makes one in the parent.
     */
    public static int fcntl(MemorySegment errnoState, int fd, int command, byte[] data, MemorySegment buffer) {
        MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
        int rc = fcntl(errnoState, fd, command, buffer);
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, data, 0, data.length);
        return rc;
    }

    /** lockf(3): 0 or -errno. */
    public static int lockf(MemorySegment errnoState, int fd, int command, long length) {
        return Downcalls.call(Fds.LOCKF, errnoState, fd, command, length);
    }

    /** pipe2(2) with O_CLOEXEC into {@code fds} (two ints): 0 or -errno. */
    public static int pipeCloexec(MemorySegment errnoState, MemorySegment fds) {
        return Downcalls.call(Fds.PIPE2, errnoState, fds, O_CLOEXEC);
    }

    /**
     * poll(2) for input on {@code fds} (negative ones are skipped, as poll does) into
     * {@code pollfds} ({@link #POLLFD_SIZE} each): the count of ready fds, 0 on timeout, -errno.
     */
    public static int pollIn(MemorySegment errnoState, MemorySegment pollfds, int[] fds, int timeoutMillis) {
        for (int i = 0; i < fds.length; i++) {
            setPollfd(pollfds, i, fds[i], POLLIN);
        }
        return poll(errnoState, pollfds, fds.length, timeoutMillis);
    }

    /** Whether entry {@code index} of the last {@link #pollIn} had an event. */
    public static boolean polledReady(MemorySegment pollfds, int index) {
        return revents(pollfds, index) != 0;
    }

    // ---- poll(2) on any events (select.poll, select.select, the interruptible blocking calls) ----

    /** poll(2) on the first {@code count} entries of {@code pollfds}: the count of entries with events, 0 on timeout, -errno. */
    public static int poll(MemorySegment errnoState, MemorySegment pollfds, int count, int timeoutMillis) {
        return Downcalls.call(Fds.POLL, errnoState, pollfds, (long) count, timeoutMillis);
    }

    /** Sets entry {@code index} of {@code pollfds} to {@code fd} and {@code events}, its revents cleared. */
    public static void setPollfd(MemorySegment pollfds, int index, int fd, int events) {
        pollfds.set(JAVA_INT, index * POLLFD_SIZE, fd);
        pollfds.set(ValueLayout.JAVA_SHORT, index * POLLFD_SIZE + 4, (short) events);
        pollfds.set(ValueLayout.JAVA_SHORT, index * POLLFD_SIZE + 6, (short) 0);
    }

    /** The revents poll(2) left in entry {@code index}, as an unsigned 16-bit value. */
    public static int revents(MemorySegment pollfds, int index) {
        return Short.toUnsignedInt(pollfds.get(ValueLayout.JAVA_SHORT, index * POLLFD_SIZE + 6));
    }

    /** access(2) with F_OK: 0 when {@code path} exists, else -errno (ENOENT, ENOTDIR, EACCES, ...). */
    public static int exists(MemorySegment errnoState, MemorySegment path) {
        return Downcalls.call(Paths.ACCESS, errnoState, path, F_OK);
    }

    /** chdir(2): 0 or -errno. */
    public static int chdir(MemorySegment errnoState, MemorySegment path) {
        return Downcalls.call(Paths.CHDIR, errnoState, path);
    }

    /** close_range(2) with no flags: 0 or -errno (-ENOSYS where libc lacks it). */
    public static int closeRange(MemorySegment errnoState, int first, int last) {
        return CloseAll.CLOSE_RANGE == null ? -Errno.ENOSYS : Downcalls.call(CloseAll.CLOSE_RANGE, errnoState, first, last, 0);
    }

    /**
     * Closes every fd in [{@code first}, {@code last}] but the sorted {@code keep}, ignoring errors:
     * close_range(2) between the kept ones (CPython's _Py_closerange), else close(2) one by one up
     * to the fd limit (glibc &lt; 2.34, Linux &lt; 5.9). Used by subprocess's forked child and
     * os.closerange: only calls linked before a fork.
     */
    public static void closeRangeExcept(MemorySegment errnoState, int first, int last, int[] keep) {
        int start = first;
        for (int fd : keep) {
            if (fd > last) {
                break;
            }
            if (fd >= start) {
                closeRangeIgnoringErrors(errnoState, start, fd - 1);
                start = fd + 1;
            }
        }
        closeRangeIgnoringErrors(errnoState, start, last);
    }

    private static void closeRangeIgnoringErrors(MemorySegment errnoState, int first, int last) {
        if (first > last || closeRange(errnoState, first, last) == 0) {
            return;
        }
        long max = openMax();
        long end = Math.min(last, max < 0 ? 256 : max - 1);
        for (long fd = first; fd <= end; fd++) {
            close(errnoState, (int) fd);
        }
    }

    /** sysconf(_SC_OPEN_MAX): the fd limit, -1 when there is none (it cannot fail for this name). */
    public static long openMax() {
        return Downcalls.callPlainLong(CloseAll.SYSCONF, SC_OPEN_MAX);
    }

    /**
     * The names in a directory (with "." and ".."); throws {@link NativeError} when it cannot be
     * opened. opendir opens close-on-exec; for /proc/self/fd this is a few syscalls where
     * java.nio's directory stream costs a Path per entry.
     */
    public static List<String> directoryEntries(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment dir = Downcalls.callPointer(Directory.OPENDIR, errnoState, arena.allocateFrom(path));
            if (dir.equals(MemorySegment.NULL)) {
                throw new NativeError(Downcalls.errno(errnoState));
            }
            List<String> names = new ArrayList<>();
            try {
                for (MemorySegment entry = Downcalls.callPointer(Directory.READDIR, errnoState, dir); !entry.equals(MemorySegment.NULL);
                                entry = Downcalls.callPointer(Directory.READDIR, errnoState, dir)) {
                    names.add(entry.reinterpret(Directory.NAME_OFFSET + 256).getString(Directory.NAME_OFFSET));
                }
            } finally {
                Downcalls.call(Directory.CLOSEDIR, errnoState, dir);
            }
            return names;
        }
    }
}
