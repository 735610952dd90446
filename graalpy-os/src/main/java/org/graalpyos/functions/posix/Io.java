package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.NativeCall;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.IoCalls;

/**
 * os's file I/O beyond read and write, as CPython 3.12's posixmodule: positioned and vectored
 * reads and writes, sendfile, splice, copy_file_range, eventfd, memfd_create, pipe2, advice and
 * allocation, syncing, ttyname and device_encoding. The functions that take buffers or optional
 * offsets have Python bodies (graalpy_os/fileio.py, which reads and fills the buffers) over the
 * builtins only it calls. Every call retries EINTR, as CPython's do (PEP 475). A forked child may
 * call them: no lambdas, no pattern switches, no string concatenation by invokedynamic.
 */
public final class Io {
    private Io() {
    }

    public static List<Builtin> all() {
        return List.of(new Fdatasync(), new Sync(), new Pipe2(), new Fadvise(), new Fallocate(), new Pread(), new Eventfd(), new MemfdCreate());
    }

    /** The functions whose body is graalpy_os/fileio.py. */
    public static List<PythonFunction> python() {
        return List.of(
                        new PythonFunction("fileio", "posix.pwrite(fd: int, buffer: object, offset: object, /) -> object", """
                                        Write bytes to a file descriptor starting at a particular offset.

                                        Write buffer to fd, starting at offset bytes from the beginning of
                                        the file.  Returns the number of bytes writte.  Does not change the
                                        current file offset."""),
                        new PythonFunction("fileio", "posix.readv(fd: int, buffers: object, /) -> object", """
                                        Read from a file descriptor fd into an iterable of buffers.

                                        The buffers should be mutable buffers accepting bytes.
                                        readv will transfer data into each buffer until it is full
                                        and then move on to the next buffer in the sequence to hold
                                        the rest of the data.

                                        readv returns the total number of bytes read,
                                        which may be less than the total capacity of all the buffers."""),
                        new PythonFunction("fileio", "posix.preadv(fd: int, buffers: object, offset: long, flags: int = 0, /) -> object", """
                                        Reads from a file descriptor into a number of mutable bytes-like objects.

                                        Combines the functionality of readv() and pread(). As readv(), it will
                                        transfer data into each buffer until it is full and then move on to the next
                                        buffer in the sequence to hold the rest of the data. Its fourth argument,
                                        specifies the file offset at which the input operation is to be performed. It
                                        will return the total number of bytes read (which can be less than the total
                                        capacity of all the objects).

                                        The flags argument contains a bitwise OR of zero or more of the following flags:

                                        - RWF_HIPRI
                                        - RWF_NOWAIT

                                        Using non-zero flags requires Linux 4.6 or newer."""),
                        new PythonFunction("fileio", "posix.writev(fd: int, buffers: object, /) -> object", """
                                        Iterate over buffers, and write the contents of each to a file descriptor.

                                        Returns the total number of bytes written.
                                        buffers must be a sequence of bytes-like objects."""),
                        new PythonFunction("fileio", "posix.pwritev(fd: int, buffers: object, offset: long, flags: int = 0, /) -> object", """
                                        Writes the contents of bytes-like objects to a file descriptor at a given offset.

                                        Combines the functionality of writev() and pwrite(). All buffers must be a sequence
                                        of bytes-like objects. Buffers are processed in array order. Entire contents of first
                                        buffer is written before proceeding to second, and so on. The operating system may
                                        set a limit (sysconf() value SC_IOV_MAX) on the number of buffers that can be used.
                                        This function writes the contents of each object to the file descriptor and returns
                                        the total number of bytes written.

                                        The flags argument contains a bitwise OR of zero or more of the following flags:

                                        - RWF_DSYNC
                                        - RWF_SYNC
                                        - RWF_APPEND

                                        Using non-zero flags requires Linux 4.7 or newer."""),
                        new PythonFunction("fileio", "posix.sendfile(out_fd: int, in_fd: int, offset: object, count: Py_ssize_t) -> object",
                                        "Copy count bytes from file descriptor in_fd to file descriptor out_fd."),
                        new PythonFunction("fileio", "posix.copy_file_range(src: int, dst: int, count: Py_ssize_t, offset_src: object = None, offset_dst: object = None) -> object", """
                                        Copy count bytes from one file descriptor to another.

                                          src
                                            Source file descriptor.
                                          dst
                                            Destination file descriptor.
                                          count
                                            Number of bytes to copy.
                                          offset_src
                                            Starting offset in src.
                                          offset_dst
                                            Starting offset in dst.

                                        If offset_src is None, then src is read from the current position;
                                        respectively for offset_dst."""),
                        new PythonFunction("fileio", "posix.splice(src: int, dst: int, count: Py_ssize_t, offset_src: object = None, offset_dst: object = None, flags: unsigned_int = 0) -> object", """
                                        Transfer count bytes from one pipe to a descriptor or vice versa.

                                          src
                                            Source file descriptor.
                                          dst
                                            Destination file descriptor.
                                          count
                                            Number of bytes to copy.
                                          offset_src
                                            Starting offset in src.
                                          offset_dst
                                            Starting offset in dst.
                                          flags
                                            Flags to modify the semantics of the call.

                                        If offset_src is None, then src is read from the current position;
                                        respectively for offset_dst. The offset associated to the file
                                        descriptor that refers to a pipe must be None."""),
                        new PythonFunction("fileio", "posix.eventfd_read(fd: fildes) -> object", "Read eventfd value"),
                        new PythonFunction("fileio", "posix.eventfd_write(fd: fildes, value: object) -> object", "Write eventfd value."),
                        new PythonFunction("fileio", "posix.ttyname(fd: int, /) -> object", """
                                        Return the name of the terminal device connected to 'fd'.

                                          fd
                                            Integer file descriptor handle."""),
                        new PythonFunction("fileio", "posix.device_encoding(fd: int) -> object", """
                                        Return a string describing the encoding of a terminal's file descriptor.

                                        The file descriptor must be attached to a terminal.
                                        If the device is not a terminal, return None."""));
    }

    /** The builtins only graalpy_os/fileio.py calls. */
    public static List<Builtin> internal() {
        return List.of(new Pwrite(), new Readv(), new Writev(), new Sendfile(), new Splice(), new EventfdRead(), new EventfdWrite(), new Ttyname(), new TtyCodeset());
    }

    /** A byte count, or OSError. */
    static long checkedSize(OsContext context, long count) {
        if (count < 0) {
            throw context.errors().osError((int) -count, null);
        }
        return count;
    }

    /** An off_t holding {@code offset}, or NULL for none. */
    static MemorySegment offset(Arena arena, Long offset) {
        if (offset == null) {
            return MemorySegment.NULL;
        }
        MemorySegment value = arena.allocate(JAVA_LONG);
        value.set(JAVA_LONG, 0, offset);
        return value;
    }

    /** {@code sizes.length} iovecs over consecutive slices of {@code data}. */
    static MemorySegment iovecs(Arena arena, MemorySegment data, int[] sizes) {
        MemorySegment iovecs = arena.allocate(IoCalls.IOVEC_SIZE * Math.max(sizes.length, 1), 8);
        long at = 0;
        for (int i = 0; i < sizes.length; i++) {
            iovecs.set(ADDRESS, i * IoCalls.IOVEC_SIZE, data.asSlice(at, sizes[i]));
            iovecs.set(JAVA_LONG, i * IoCalls.IOVEC_SIZE + 8, sizes[i]);
            at += sizes[i];
        }
        return iovecs;
    }

    static long total(int[] sizes) {
        long total = 0;
        for (int size : sizes) {
            total += size;
        }
        return total;
    }

    static final class Fdatasync extends NativeCall {
        Fdatasync() {
            super("posix.fdatasync(fd: fildes) -> None", "Force write of fd to disk without forcing update of metadata.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int rc;
            do {
                rc = IoCalls.fdatasync(errnoState, args.integer("fd"));
            } while (rc == -Errno.EINTR);
            context.errors().checked(rc);
            return null;
        }
    }

    static final class Sync extends NativeCall {
        Sync() {
            super("posix.sync() -> None", "Force write of everything to disk.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            IoCalls.sync();
            return null;
        }
    }

    static final class Pipe2 extends NativeCall {
        Pipe2() {
            super("posix.pipe2(flags: int, /) -> (int, int)", """
                            Create a pipe with flags set atomically.

                            Returns a tuple of two file descriptors:
                              (read_fd, write_fd)

                            flags can be constructed by ORing together one or more of these values:
                            O_NONBLOCK, O_CLOEXEC.""");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            context.errors().checked(IoCalls.pipe2(errnoState, fds, args.integer("flags")));
            return new long[]{fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    /** posix_fadvise and posix_fallocate return their error; EINTR retried. */
    static void checkedError(OsContext context, int error) {
        if (error != 0) {
            throw context.errors().osError(error, null);
        }
    }

    static final class Fadvise extends NativeCall {
        Fadvise() {
            super("posix.posix_fadvise(fd: int, offset: long, length: long, advice: int, /) -> None", """
                            Announce an intention to access data in a specific pattern.

                            Announce an intention to access data in a specific pattern, thus allowing
                            the kernel to make optimizations.
                            The advice applies to the region of the file specified by fd starting at
                            offset and continuing for length bytes.
                            advice is one of POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL,
                            POSIX_FADV_RANDOM, POSIX_FADV_NOREUSE, POSIX_FADV_WILLNEED, or
                            POSIX_FADV_DONTNEED.""");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int error;
            do {
                error = IoCalls.fadvise(args.integer("fd"), args.longInteger("offset"), args.longInteger("length"), args.integer("advice"));
            } while (error == Errno.EINTR);
            checkedError(context, error);
            return null;
        }
    }

    static final class Fallocate extends NativeCall {
        Fallocate() {
            super("posix.posix_fallocate(fd: int, offset: long, length: long, /) -> None", """
                            Ensure a file has allocated at least a particular number of bytes on disk.

                            Ensure that the file specified by fd encompasses a range of bytes
                            starting at offset bytes from the beginning and continuing for length bytes.""");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int error;
            do {
                error = IoCalls.fallocate(args.integer("fd"), args.longInteger("offset"), args.longInteger("length"));
            } while (error == Errno.EINTR);
            checkedError(context, error);
            return null;
        }
    }

    /** pread: EINVAL for a negative length (as CPython), the bytes read (maybe fewer). */
    static final class Pread extends NativeCall {
        Pread() {
            super("posix.pread(fd: int, length: Py_ssize_t, offset: long, /) -> bytes", """
                            Read a number of bytes from a file descriptor starting at a particular offset.

                            Read length bytes from file descriptor fd, starting at offset bytes from
                            the beginning of the file.  The file offset remains unchanged.""");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            long length = args.longInteger("length");
            if (length < 0) {
                throw context.errors().osError(Errno.EINVAL, null);
            }
            if (length > Integer.MAX_VALUE - 8) {
                throw context.errors().memoryError();
            }
            MemorySegment buffer = arena.allocate(Math.max(length, 1)).asSlice(0, length);
            long count;
            do {
                count = IoCalls.pread(errnoState, args.integer("fd"), buffer, args.longInteger("offset"));
            } while (count == -Errno.EINTR);
            return buffer.asSlice(0, checkedSize(context, count)).toArray(JAVA_BYTE);
        }
    }

    static final class Eventfd extends NativeCall {
        Eventfd() {
            super("posix.eventfd(initval: unsigned_int, flags: int = EFD_CLOEXEC) -> int", "Creates and returns an event notification file descriptor.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return context.errors().checked(IoCalls.eventfd(errnoState, args.integer("initval"), args.integer("flags")));
        }
    }

    static final class MemfdCreate extends NativeCall {
        MemfdCreate() {
            super("posix.memfd_create(name: FSConverter, flags: unsigned_int(bitwise=True) = MFD_CLOEXEC) -> int", "");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment name = CStrings.of(arena, args.bytes("name"));
            return context.errors().checked(IoCalls.memfdCreate(errnoState, name, args.integer("flags")));
        }
    }

    /** pwrite of a buffer's bytes: the count written. */
    static final class Pwrite extends NativeCall {
        Pwrite() {
            super("io_pwrite(fd: int, data: bytes, offset: long) -> Py_ssize_t", null, "pwrite");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            byte[] data = args.bytes("data");
            MemorySegment buffer = arena.allocate(Math.max(data.length, 1)).asSlice(0, data.length);
            MemorySegment.copy(data, 0, buffer, JAVA_BYTE, 0, data.length);
            long count;
            do {
                count = IoCalls.pwrite(errnoState, args.integer("fd"), buffer, args.longInteger("offset"));
            } while (count == -Errno.EINTR);
            return checkedSize(context, count);
        }
    }

    /** readv, or preadv2 at an offset: the bytes read into buffers of the given sizes, in order (the shim fills the caller's). */
    static final class Readv extends NativeCall {
        Readv() {
            super("io_readv(fd: int, sizes: [int], positioned: bool, offset: long, flags: int) -> bytes", null, "readv");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int[] sizes = args.integers("sizes");
            long total = total(sizes);
            if (total > Integer.MAX_VALUE - 8) {
                throw context.errors().memoryError();
            }
            MemorySegment data = arena.allocate(Math.max(total, 1));
            MemorySegment iovecs = iovecs(arena, data, sizes);
            long count;
            do {
                count = IoCalls.readv(errnoState, args.integer("fd"), iovecs, sizes.length, args.bool("positioned"), args.longInteger("offset"), args.integer("flags"));
            } while (count == -Errno.EINTR);
            return data.asSlice(0, checkedSize(context, count)).toArray(JAVA_BYTE);
        }
    }

    /** writev, or pwritev2 at an offset, of the buffers' bytes (concatenated) in slices of the given sizes: the count written. */
    static final class Writev extends NativeCall {
        Writev() {
            super("io_writev(fd: int, data: bytes, sizes: [int], positioned: bool, offset: long, flags: int) -> Py_ssize_t", null, "writev");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            byte[] bytes = args.bytes("data");
            int[] sizes = args.integers("sizes");
            MemorySegment data = arena.allocate(Math.max(bytes.length, 1));
            MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
            MemorySegment iovecs = iovecs(arena, data, sizes);
            long count;
            do {
                count = IoCalls.writev(errnoState, args.integer("fd"), iovecs, sizes.length, args.bool("positioned"), args.longInteger("offset"), args.integer("flags"));
            } while (count == -Errno.EINTR);
            return checkedSize(context, count);
        }
    }

    /** sendfile from in_fd's position (offset None) or from an offset: the count sent. */
    static final class Sendfile extends NativeCall {
        Sendfile() {
            super("io_sendfile(out_fd: int, in_fd: int, offset: long?, count: Py_ssize_t) -> Py_ssize_t", null, "sendfile");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment offset = offset(arena, args.longInteger("offset"));
            long count;
            do {
                count = IoCalls.sendfile(errnoState, args.integer("out_fd"), args.integer("in_fd"), offset, args.longInteger("count"));
            } while (count == -Errno.EINTR);
            return checkedSize(context, count);
        }
    }

    /** splice, or copy_file_range when {@code copy}, each offset None (the fd's position) or an off_t: the count moved. */
    static final class Splice extends NativeCall {
        Splice() {
            super("io_splice(copy: bool, src: int, dst: int, count: Py_ssize_t, offset_src: long?, offset_dst: long?, flags: int) -> Py_ssize_t", null, "splice");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment srcOffset = offset(arena, args.longInteger("offset_src"));
            MemorySegment dstOffset = offset(arena, args.longInteger("offset_dst"));
            long count;
            do {
                count = IoCalls.splice(errnoState, args.bool("copy"), args.integer("src"), srcOffset, args.integer("dst"), dstOffset, args.longInteger("count"),
                                args.integer("flags"));
            } while (count == -Errno.EINTR);
            return checkedSize(context, count);
        }
    }

    /** eventfd_read(3): the counter's 64 bits as a signed long (the shim reads them unsigned). */
    static final class EventfdRead extends NativeCall {
        EventfdRead() {
            super("io_eventfd_read(fd: int) -> long", null, "eventfd_read");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment value = arena.allocate(JAVA_LONG);
            long count;
            do {
                count = FileCalls.read(errnoState, args.integer("fd"), value, 8);
            } while (count == -Errno.EINTR);
            checkedSize(context, count);
            return value.get(JAVA_LONG, 0);
        }
    }

    /** eventfd_write(3) of a value's 64 bits (given as a signed long). */
    static final class EventfdWrite extends NativeCall {
        EventfdWrite() {
            super("io_eventfd_write(fd: int, value: long) -> None", null, "eventfd_write");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment value = arena.allocate(JAVA_LONG);
            value.set(JAVA_LONG, 0, args.longInteger("value"));
            long count;
            do {
                count = FileCalls.write(errnoState, args.integer("fd"), value, 8);
            } while (count == -Errno.EINTR);
            checkedSize(context, count);
            return null;
        }
    }

    /** ttyname_r(3): the terminal's path. */
    static final class Ttyname extends NativeCall {
        Ttyname() {
            super("io_ttyname(fd: int) -> bytes", null, "ttyname");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment buffer = arena.allocate(IoCalls.MAXPATHLEN);
            checkedError(context, IoCalls.ttyname(args.integer("fd"), buffer));
            return buffer.getString(0, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** The locale's encoding (nl_langinfo(CODESET)) when the fd is a terminal, else None. */
    static final class TtyCodeset extends NativeCall {
        TtyCodeset() {
            super("io_tty_codeset(fd: int) -> str?", null, "device_encoding");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return IoCalls.isatty(args.integer("fd")) ? IoCalls.codeset() : null;
        }
    }
}
