package org.graalpyos.nativeapi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/**
 * The os functions of file I/O beyond read and write (positioned and vectored I/O, sendfile,
 * splice, copy_file_range, eventfd, memfd, advice and allocation, syncing), of paths (chroot,
 * fifos and nodes, pathconf) and of extended attributes. Each returns its result or -errno
 * (posix_fadvise, posix_fallocate and ttyname_r return the error number itself; pathconf's -1 is
 * also "no limit", so it leaves errno to the caller).
 */
public final class IoCalls {
    private IoCalls() {
    }

    @CConstant("sizeof(struct iovec)") public static final long IOVEC_SIZE = 16;
    @CConstant public static final int AT_FDCWD = -100;
    @CConstant public static final int ERANGE = 34;
    @CConstant public static final int XATTR_LIST_MAX = 65536;
    @CConstant("PATH_MAX") public static final int MAXPATHLEN = 4096;
    @CConstant("CODESET") private static final int CODESET = 14;

    static final class Fds {
        static final MethodHandle FDATASYNC = downcall("fdatasync", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SYNC = downcall("sync", FunctionDescriptor.ofVoid());
        static final MethodHandle PIPE2 = downcall("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle FADVISE = downcall("posix_fadvise", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
        static final MethodHandle FALLOCATE = downcall("posix_fallocate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
        static final MethodHandle EVENTFD = downcall("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle MEMFD_CREATE = downcall("memfd_create", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle TTYNAME_R = downcall("ttyname_r", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle ISATTY = downcall("isatty", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle NL_LANGINFO = downcall("nl_langinfo", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    static final class Transfers {
        static final MethodHandle PREAD = downcall("pread", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle PWRITE = downcall("pwrite", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle READV = downcall("readv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle WRITEV = downcall("writev", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle PREADV2 = downcall("preadv2", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle PWRITEV2 = downcall("pwritev2", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SENDFILE = downcall("sendfile", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle SPLICE = downcall("splice", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle COPY_FILE_RANGE = downcall("copy_file_range",
                        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    }

    static final class Paths {
        static final MethodHandle CHROOT = downcall("chroot", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle MKFIFOAT = downcall("mkfifoat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle MKNODAT = downcall("mknodat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle PATHCONF = downcall("pathconf", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle FPATHCONF = downcall("fpathconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    }

    static final class Xattrs {
        static final MethodHandle GETXATTR = downcall("getxattr", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle LGETXATTR = downcall("lgetxattr", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle FGETXATTR = downcall("fgetxattr", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle SETXATTR = downcall("setxattr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle LSETXATTR = downcall("lsetxattr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle FSETXATTR = downcall("fsetxattr", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle REMOVEXATTR = downcall("removexattr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle LREMOVEXATTR = downcall("lremovexattr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle FREMOVEXATTR = downcall("fremovexattr", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle LISTXATTR = downcall("listxattr", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle LLISTXATTR = downcall("llistxattr", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
        static final MethodHandle FLISTXATTR = downcall("flistxattr", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
    }

    public static int fdatasync(MemorySegment errnoState, int fd) {
        return Downcalls.call(Fds.FDATASYNC, errnoState, fd);
    }

    public static void sync() {
        Downcalls.callPlainVoid(Fds.SYNC);
    }

    /** pipe2(2) into {@code fds} (two ints). */
    public static int pipe2(MemorySegment errnoState, MemorySegment fds, int flags) {
        return Downcalls.call(Fds.PIPE2, errnoState, fds, flags);
    }

    /** posix_fadvise(2): 0 or the error number. */
    public static int fadvise(int fd, long offset, long length, int advice) {
        return Downcalls.callReturningError(Fds.FADVISE, fd, offset, length, advice);
    }

    /** posix_fallocate(3): 0 or the error number. */
    public static int fallocate(int fd, long offset, long length) {
        return Downcalls.callReturningError(Fds.FALLOCATE, fd, offset, length);
    }

    public static int eventfd(MemorySegment errnoState, int initval, int flags) {
        return Downcalls.call(Fds.EVENTFD, errnoState, initval, flags);
    }

    public static int memfdCreate(MemorySegment errnoState, MemorySegment name, int flags) {
        return Downcalls.call(Fds.MEMFD_CREATE, errnoState, name, flags);
    }

    /** ttyname_r(3) into {@code buffer}: 0 or the error number. */
    public static int ttyname(int fd, MemorySegment buffer) {
        return Downcalls.callReturningError(Fds.TTYNAME_R, fd, buffer, buffer.byteSize());
    }

    public static boolean isatty(int fd) {
        return Downcalls.callPlain(Fds.ISATTY, fd) == 1;
    }

    /** nl_langinfo(CODESET): the encoding of this process's LC_CTYPE locale. */
    public static String codeset() {
        return Downcalls.callPlainPointer(Fds.NL_LANGINFO, CODESET).reinterpret(Integer.MAX_VALUE).getString(0);
    }

    /** pread(2) of as many bytes as {@code buffer} holds. */
    public static long pread(MemorySegment errnoState, int fd, MemorySegment buffer, long offset) {
        return Downcalls.callSize(Transfers.PREAD, errnoState, fd, buffer, buffer.byteSize(), offset);
    }

    public static long pwrite(MemorySegment errnoState, int fd, MemorySegment buffer, long offset) {
        return Downcalls.callSize(Transfers.PWRITE, errnoState, fd, buffer, buffer.byteSize(), offset);
    }

    /** readv(2), or preadv2(2) when {@code positioned}, over {@code count} iovecs. */
    public static long readv(MemorySegment errnoState, int fd, MemorySegment iovecs, int count, boolean positioned, long offset, int flags) {
        if (positioned) {
            return Downcalls.callSize(Transfers.PREADV2, errnoState, fd, iovecs, count, offset, flags);
        }
        return Downcalls.callSize(Transfers.READV, errnoState, fd, iovecs, count);
    }

    /** writev(2), or pwritev2(2) when {@code positioned}, over {@code count} iovecs. */
    public static long writev(MemorySegment errnoState, int fd, MemorySegment iovecs, int count, boolean positioned, long offset, int flags) {
        if (positioned) {
            return Downcalls.callSize(Transfers.PWRITEV2, errnoState, fd, iovecs, count, offset, flags);
        }
        return Downcalls.callSize(Transfers.WRITEV, errnoState, fd, iovecs, count);
    }

    /** sendfile(2); {@code offset} is an off_t the call advances, or NULL for in_fd's own position. */
    public static long sendfile(MemorySegment errnoState, int outFd, int inFd, MemorySegment offset, long count) {
        return Downcalls.callSize(Transfers.SENDFILE, errnoState, outFd, inFd, offset, count);
    }

    /** splice(2), or copy_file_range(2) when {@code copy}; each offset an off_t or NULL. */
    public static long splice(MemorySegment errnoState, boolean copy, int src, MemorySegment srcOffset, int dst, MemorySegment dstOffset, long count, int flags) {
        return Downcalls.callSize(copy ? Transfers.COPY_FILE_RANGE : Transfers.SPLICE, errnoState, src, srcOffset, dst, dstOffset, count, flags);
    }

    public static int chroot(MemorySegment errnoState, MemorySegment path) {
        return Downcalls.call(Paths.CHROOT, errnoState, path);
    }

    public static int mkfifoat(MemorySegment errnoState, int dirFd, MemorySegment path, int mode) {
        return Downcalls.call(Paths.MKFIFOAT, errnoState, dirFd, path, mode);
    }

    public static int mknodat(MemorySegment errnoState, int dirFd, MemorySegment path, int mode, long device) {
        return Downcalls.call(Paths.MKNODAT, errnoState, dirFd, path, mode, device);
    }

    /** pathconf(3), or fpathconf when {@code path} is null: the limit, or -1 with errno set or unchanged (no limit). */
    public static long pathconf(MemorySegment errnoState, MemorySegment path, int fd, int name) {
        if (path == null) {
            return Downcalls.callClearingErrnoLong(Paths.FPATHCONF, errnoState, fd, name);
        }
        return Downcalls.callClearingErrnoLong(Paths.PATHCONF, errnoState, path, name);
    }

    /** getxattr(2) of the fd when {@code path} is null, else of the path (lgetxattr unless following symlinks). */
    public static long getxattr(MemorySegment errnoState, MemorySegment path, int fd, boolean follow, MemorySegment name, MemorySegment value) {
        if (path == null) {
            return Downcalls.callSize(Xattrs.FGETXATTR, errnoState, fd, name, value, value.byteSize());
        }
        return Downcalls.callSize(follow ? Xattrs.GETXATTR : Xattrs.LGETXATTR, errnoState, path, name, value, value.byteSize());
    }

    public static int setxattr(MemorySegment errnoState, MemorySegment path, int fd, boolean follow, MemorySegment name, MemorySegment value, int flags) {
        if (path == null) {
            return Downcalls.call(Xattrs.FSETXATTR, errnoState, fd, name, value, value.byteSize(), flags);
        }
        return Downcalls.call(follow ? Xattrs.SETXATTR : Xattrs.LSETXATTR, errnoState, path, name, value, value.byteSize(), flags);
    }

    public static int removexattr(MemorySegment errnoState, MemorySegment path, int fd, boolean follow, MemorySegment name) {
        if (path == null) {
            return Downcalls.call(Xattrs.FREMOVEXATTR, errnoState, fd, name);
        }
        return Downcalls.call(follow ? Xattrs.REMOVEXATTR : Xattrs.LREMOVEXATTR, errnoState, path, name);
    }

    public static long listxattr(MemorySegment errnoState, MemorySegment path, int fd, boolean follow, MemorySegment names) {
        if (path == null) {
            return Downcalls.callSize(Xattrs.FLISTXATTR, errnoState, fd, names, names.byteSize());
        }
        return Downcalls.callSize(follow ? Xattrs.LISTXATTR : Xattrs.LLISTXATTR, errnoState, path, names, names.byteSize());
    }
}
