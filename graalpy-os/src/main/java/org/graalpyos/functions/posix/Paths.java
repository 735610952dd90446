package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.NativeCall;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.IoCalls;

/**
 * os's functions of paths as CPython 3.12's posixmodule: chroot, mkfifo, mknod (and the device
 * numbers), pathconf, fpathconf and the extended attributes. graalpy_os/paths.py is their body
 * (path_t's conversion of str, bytes, os.PathLike or an fd, the audit events, the names of
 * pathconf_names); it calls the builtins below, which get the path's bytes (null for an fd) and
 * the object an OSError names as its filename (None where CPython's posix_error names none).
 */
public final class Paths {
    private Paths() {
    }

    /** The sizes CPython tries for an attribute's value (then XATTR_SIZE_MAX) and for the list of names (then XATTR_LIST_MAX), on ERANGE. */
    private static final int[] VALUE_SIZES = {128, IoConstants.XATTR_SIZE_MAX};
    private static final int[] LIST_SIZES = {256, IoCalls.XATTR_LIST_MAX};

    public static List<PythonFunction> python() {
        return List.of(
                        new PythonFunction("paths", "posix.chroot(path: object) -> object", "Change root directory to path."),
                        new PythonFunction("paths", "posix.mkfifo(path: object, mode: object = 438, *, dir_fd: object = None) -> object", """
                                        Create a "fifo" (a POSIX named pipe).

                                        If dir_fd is not None, it should be a file descriptor open to a directory,
                                          and path should be relative; path will then be relative to that directory.
                                        dir_fd may not be implemented on your platform.
                                          If it is unavailable, using it will raise a NotImplementedError."""),
                        new PythonFunction("paths", "posix.mknod(path: object, mode: object = 384, device: object = 0, *, dir_fd: object = None) -> object", """
                                        Create a node in the file system.

                                        Create a node in the file system (file, device special file or named pipe)
                                        at path.  mode specifies both the permissions to use and the
                                        type of node to be created, being combined (bitwise OR) with one of
                                        S_IFREG, S_IFCHR, S_IFBLK, and S_IFIFO.  If S_IFCHR or S_IFBLK is set on mode,
                                        device defines the newly created device special file (probably using
                                        os.makedev()).  Otherwise device is ignored.

                                        If dir_fd is not None, it should be a file descriptor open to a directory,
                                          and path should be relative; path will then be relative to that directory.
                                        dir_fd may not be implemented on your platform.
                                          If it is unavailable, using it will raise a NotImplementedError."""),
                        new PythonFunction("paths", "posix.major(device: object, /) -> object", "Extracts a device major number from a raw device number."),
                        new PythonFunction("paths", "posix.minor(device: object, /) -> object", "Extracts a device minor number from a raw device number."),
                        new PythonFunction("paths", "posix.makedev(major: int, minor: int, /) -> object", "Composes a raw device number from the major and minor device numbers."),
                        new PythonFunction("paths", "posix.fpathconf(fd: fildes, name: object, /) -> object", """
                                        Return the configuration limit name for the file descriptor fd.

                                        If there is no limit, return -1."""),
                        new PythonFunction("paths", "posix.pathconf(path: object, name: object) -> object", """
                                        Return the configuration limit name for the file or directory path.

                                        If there is no limit, return -1.
                                        On some platforms, path may also be specified as an open file descriptor.
                                          If this functionality is unavailable, using it raises an exception."""),
                        new PythonFunction("paths", "posix.getxattr(path: object, attribute: object, *, follow_symlinks: bool = True) -> object", """
                                        Return the value of extended attribute attribute on path.

                                        path may be either a string, a path-like object, or an open file descriptor.
                                        If follow_symlinks is False, and the last element of the path is a symbolic
                                          link, getxattr will examine the symbolic link itself instead of the file
                                          the link points to."""),
                        new PythonFunction("paths", "posix.setxattr(path: object, attribute: object, value: object, flags: object = 0, *, follow_symlinks: bool = True) -> object", """
                                        Set extended attribute attribute on path to value.

                                        path may be either a string, a path-like object,  or an open file descriptor.
                                        If follow_symlinks is False, and the last element of the path is a symbolic
                                          link, setxattr will modify the symbolic link itself instead of the file
                                          the link points to."""),
                        new PythonFunction("paths", "posix.removexattr(path: object, attribute: object, *, follow_symlinks: bool = True) -> object", """
                                        Remove extended attribute attribute on path.

                                        path may be either a string, a path-like object, or an open file descriptor.
                                        If follow_symlinks is False, and the last element of the path is a symbolic
                                          link, removexattr will modify the symbolic link itself instead of the file
                                          the link points to."""),
                        new PythonFunction("paths", "posix.listxattr(path: object = None, *, follow_symlinks: bool = True) -> object", """
                                        Return a list of extended attributes on path.

                                        path may be either None, a string, a path-like object, or an open file descriptor.
                                        if path is None, listxattr will examine the current directory.
                                        If follow_symlinks is False, and the last element of the path is a symbolic
                                          link, listxattr will examine the symbolic link itself instead of the file
                                          the link points to."""));
    }

    /** The builtins only graalpy_os/paths.py calls. */
    public static List<Builtin> internal() {
        return List.of(new Chroot(), new Mkfifo(), new Mknod(), new Pathconf(), new GetXattr(), new SetXattr(), new RemoveXattr(), new ListXattr());
    }

    /** A path builtin: a native call with the path as a C string (NULL for an fd). */
    private abstract static class Call extends NativeCall {
        Call(String declaration, String function) {
            super(declaration, null, function);
        }

        @Override
        protected final Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            byte[] path = args.bytes("path");
            return call(context, args, arena, errnoState, path == null ? null : CStrings.of(arena, path));
        }

        abstract Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path);

        /** rc, or OSError naming {@code filename} (None: no filename, as CPython's posix_error). */
        static long checked(OsContext context, long rc, Object filename) {
            if (rc < 0) {
                throw context.errors().osError((int) -rc, filename);
            }
            return rc;
        }
    }

    static final class Chroot extends Call {
        Chroot() {
            super("path_chroot(path: bytes, filename: object) -> None", "chroot");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            checked(context, IoCalls.chroot(errnoState, path), args.object("filename"));
            return null;
        }
    }

    /** mkfifoat: EINTR retried; an error names no file (CPython's posix_error). */
    static final class Mkfifo extends Call {
        Mkfifo() {
            super("path_mkfifo(path: bytes, mode: int, dir_fd: int) -> None", "mkfifo");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            int rc;
            do {
                rc = IoCalls.mkfifoat(errnoState, args.integer("dir_fd"), path, args.integer("mode"));
            } while (rc == -Errno.EINTR);
            context.errors().checked(rc);
            return null;
        }
    }

    /** mknodat: EINTR retried; an error names no file (CPython's posix_error). */
    static final class Mknod extends Call {
        Mknod() {
            super("path_mknod(path: bytes, mode: int, device: long, dir_fd: int) -> None", "mknod");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            int rc;
            do {
                rc = IoCalls.mknodat(errnoState, args.integer("dir_fd"), path, args.integer("mode"), args.longInteger("device"));
            } while (rc == -Errno.EINTR);
            context.errors().checked(rc);
            return null;
        }
    }

    /** pathconf, or fpathconf for an fd (path None): the limit, -1 for none; EINVAL names no file (a path or a name problem). */
    static final class Pathconf extends Call {
        Pathconf() {
            super("path_pathconf(path: bytes?, fd: int, name: int, filename: object) -> long", "pathconf");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            long limit = IoCalls.pathconf(errnoState, path, args.integer("fd"), args.integer("name"));
            int errno = Downcalls.capturedErrno(errnoState);
            if (limit == -1 && errno != 0) {
                throw context.errors().osError(errno, errno == Errno.EINVAL ? null : args.object("filename"));
            }
            return limit;
        }
    }

    static final class GetXattr extends Call {
        GetXattr() {
            super("xattr_get(path: bytes?, fd: int, attribute: bytes, follow_symlinks: bool, filename: object) -> bytes", "getxattr");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            MemorySegment name = CStrings.of(arena, args.bytes("attribute"));
            long rc = -IoCalls.ERANGE;
            for (int i = 0; i < VALUE_SIZES.length && rc == -IoCalls.ERANGE; i++) {
                MemorySegment value = arena.allocate(VALUE_SIZES[i]);
                rc = IoCalls.getxattr(errnoState, path, args.integer("fd"), args.bool("follow_symlinks"), name, value);
                if (rc >= 0) {
                    return value.asSlice(0, rc).toArray(JAVA_BYTE);
                }
            }
            checked(context, rc, args.object("filename"));
            throw new IllegalStateException("unreachable");
        }
    }

    static final class SetXattr extends Call {
        SetXattr() {
            super("xattr_set(path: bytes?, fd: int, attribute: bytes, value: bytes, flags: int, follow_symlinks: bool, filename: object) -> None", "setxattr");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            byte[] bytes = args.bytes("value");
            MemorySegment value = arena.allocate(Math.max(bytes.length, 1)).asSlice(0, bytes.length);
            MemorySegment.copy(bytes, 0, value, JAVA_BYTE, 0, bytes.length);
            checked(context, IoCalls.setxattr(errnoState, path, args.integer("fd"), args.bool("follow_symlinks"), CStrings.of(arena, args.bytes("attribute")), value,
                            args.integer("flags")), args.object("filename"));
            return null;
        }
    }

    static final class RemoveXattr extends Call {
        RemoveXattr() {
            super("xattr_remove(path: bytes?, fd: int, attribute: bytes, follow_symlinks: bool, filename: object) -> None", "removexattr");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            checked(context, IoCalls.removexattr(errnoState, path, args.integer("fd"), args.bool("follow_symlinks"), CStrings.of(arena, args.bytes("attribute"))),
                            args.object("filename"));
            return null;
        }
    }

    /** The names, each NUL-terminated, as listxattr(2) gives them. */
    static final class ListXattr extends Call {
        ListXattr() {
            super("xattr_list(path: bytes?, fd: int, follow_symlinks: bool, filename: object) -> bytes", "listxattr");
        }

        @Override
        Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState, MemorySegment path) {
            long rc = -IoCalls.ERANGE;
            for (int i = 0; i < LIST_SIZES.length && rc == -IoCalls.ERANGE; i++) {
                MemorySegment names = arena.allocate(LIST_SIZES[i]);
                rc = IoCalls.listxattr(errnoState, path, args.integer("fd"), args.bool("follow_symlinks"), names);
                if (rc >= 0) {
                    return names.asSlice(0, rc).toArray(JAVA_BYTE);
                }
            }
            checked(context, rc, args.object("filename"));
            throw new IllegalStateException("unreachable");
        }
    }
}
