package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The os functions and constants of issue 16's second part (file I/O with buffers and offsets,
 * eventfd, memfd, paths, extended attributes, affinity and scheduling, times, mmap's constants):
 * on real files, pipes, fifos, eventfds and memfds, each result, error and audit event equal to
 * python3's; bad calls get python3's exceptions; chroot runs only in forked children.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class OsFunctionsTest {
    /** Real calls: what they return, what they moved, where a blocking one returns once another thread writes. Prints no fd numbers or paths. */
    private static final String CALLS = """
                    import errno, mmap, os, stat, sys, tempfile, threading
                    events = []
                    sys.addaudithook(lambda e, a: events.append((e, a)) if e.startswith("os.") and "xattr" in e else None)
                    def t(label, f, *args, **kwargs):
                        try:
                            print(label, repr(f(*args, **kwargs)))
                        except Exception as e:
                            print(label, type(e).__name__, e)
                    d = tempfile.mkdtemp()
                    path = os.path.join(d, "f")
                    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
                    t("pwrite", os.pwrite, fd, b"hello world", 3)
                    t("pread", os.pread, fd, 20, 0)
                    t("pread mid", os.pread, fd, 5, 9)
                    t("pread end", os.pread, fd, 5, 100)
                    t("pwritev", os.pwritev, fd, [b"AB", bytearray(b"CD"), memoryview(b"EFG")], 1)
                    bufs = [bytearray(3), memoryview(bytearray(4)), bytearray(0), bytearray(10)]
                    t("preadv", os.preadv, fd, bufs, 0)
                    print([bytes(b) for b in bufs])
                    m = mmap.mmap(-1, 8)
                    t("preadv mmap", os.preadv, fd, [m], 2)
                    print(m[:])
                    t("lseek", os.lseek, fd, 0, os.SEEK_SET)
                    bufs = [bytearray(2), bytearray(5)]
                    t("readv", os.readv, fd, bufs)
                    print([bytes(b) for b in bufs], os.lseek(fd, 0, os.SEEK_CUR))
                    t("writev", os.writev, fd, [b"xy", memoryview(b"z")])
                    t("pread after writev", os.pread, fd, 20, 0)
                    t("pwritev RWF_APPEND", os.pwritev, fd, [b"!"], 0, os.RWF_APPEND)
                    t("pread appended", os.pread, fd, 20, 0)
                    t("preadv RWF_NOWAIT", os.preadv, fd, [bytearray(4)], 0, os.RWF_NOWAIT)
                    t("fdatasync", os.fdatasync, fd)
                    t("sync", os.sync)
                    t("posix_fadvise", os.posix_fadvise, fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
                    t("posix_fallocate", os.posix_fallocate, fd, 0, 4096)
                    print("size", os.fstat(fd).st_size)
                    # sendfile file -> pipe, splice pipe -> file, copy_file_range file -> file
                    r, w = os.pipe()
                    t("sendfile offset", os.sendfile, w, fd, 6, 5)
                    t("read sent", os.read, r, 100)
                    os.lseek(fd, 0, os.SEEK_SET)
                    t("sendfile None", os.sendfile, w, fd, None, 4)
                    t("read sent None", os.read, r, 100, )
                    print("pos", os.lseek(fd, 0, os.SEEK_CUR))
                    os.write(w, b"spliced!")
                    out = os.open(os.path.join(d, "g"), os.O_RDWR | os.O_CREAT, 0o600)
                    t("splice", os.splice, r, out, 8, None, 2, os.SPLICE_F_MOVE)
                    t("splice offset on pipe", os.splice, r, out, 8, 0, None)
                    t("read g", os.pread, out, 20, 0)
                    t("copy_file_range", os.copy_file_range, fd, out, 4, 0, 10)
                    t("copy_file_range None", os.copy_file_range, fd, out, 3)
                    t("read g copied", os.pread, out, 20, 0)
                    # pipe2
                    r2, w2 = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
                    t("pipe2 inheritable", lambda: (os.get_inheritable(r2), os.get_inheritable(w2), os.get_blocking(r2)))
                    t("pipe2 empty read", os.read, r2, 1)
                    t("readv nonblock", os.readv, r2, [bytearray(1)])
                    # eventfd and memfd
                    e = os.eventfd(3, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
                    t("eventfd_read sem", lambda: [os.eventfd_read(e) for _ in range(3)])
                    t("eventfd_read empty", os.eventfd_read, e)
                    t("eventfd_write", os.eventfd_write, e, 2**64 - 2)
                    t("eventfd_write full", os.eventfd_write, e, 1)
                    e2 = os.eventfd(0)
                    t("eventfd inheritable", os.get_inheritable, e2)
                    os.eventfd_write(e2, 5); os.eventfd_write(e2, 2**40)
                    t("eventfd_read sum", os.eventfd_read, e2)
                    mf = os.memfd_create("graalpy-os-test")
                    t("memfd", lambda: (os.write(mf, b"memfd data"), os.pread(mf, 100, 0), os.get_inheritable(mf), os.readlink(f"/proc/self/fd/{mf}")))
                    mf2 = os.memfd_create(b"sealing", os.MFD_ALLOW_SEALING)
                    t("memfd inheritable", os.get_inheritable, mf2)
                    # threads: a blocking readv and eventfd_read return when another thread writes
                    r3, w3 = os.pipe()
                    e3 = os.eventfd(0)
                    timer = threading.Timer(0.3, lambda: (os.write(w3, b"late"), os.eventfd_write(e3, 7)))
                    timer.start()
                    buf = bytearray(10)
                    t("blocking readv", lambda: (os.readv(r3, [buf]), bytes(buf[:4]), os.eventfd_read(e3)))
                    timer.join()
                    # times, scheduling
                    tm = os.times()
                    print("times", type(tm).__name__, type(tm).__module__, len(tm), all(isinstance(x, float) and x >= 0 for x in tm), tm.user == tm[0], tm.elapsed == tm[4], os.times_result.n_fields)
                    aff = os.sched_getaffinity(0)
                    t("affinity", lambda: (type(aff).__name__, aff == set(range(len(aff))) or aff, os.sched_setaffinity(0, aff), os.sched_getaffinity(0) == aff))
                    t("affinity one", lambda: (os.sched_setaffinity(0, [min(aff)]), os.sched_getaffinity(0) == {min(aff)}, os.sched_setaffinity(0, aff)))
                    t("affinity huge", os.sched_setaffinity, 0, [100000])
                    t("affinity of 1", lambda: os.sched_getaffinity(1) == os.sched_getaffinity(0) or "differs")
                    t("rr interval", lambda: type(os.sched_rr_get_interval(0)).__name__)
                    t("setparam", os.sched_setparam, 0, os.sched_param(0))
                    t("setscheduler", os.sched_setscheduler, 0, os.SCHED_BATCH, os.sched_param(0))
                    t("getscheduler", os.sched_getscheduler, 0)
                    t("setscheduler back", os.sched_setscheduler, 0, os.SCHED_OTHER, os.sched_param(0))
                    t("setscheduler bad", os.sched_setscheduler, 0, os.SCHED_OTHER, os.sched_param(5))
                    # paths
                    fifo = os.path.join(d, "fifo")
                    t("mkfifo", os.mkfifo, fifo, 0o640)
                    t("fifo mode", lambda: (stat.S_ISFIFO(os.stat(fifo).st_mode), oct(os.stat(fifo).st_mode & 0o777 & ~os.umask(os.umask(0)))))
                    t("mkfifo exists", os.mkfifo, fifo)
                    dfd = os.open(d, os.O_RDONLY)
                    t("mkfifo dir_fd", os.mkfifo, "fifo2", dir_fd=dfd)
                    t("mknod fifo", os.mknod, "node", 0o600 | stat.S_IFIFO, dir_fd=dfd)
                    t("mknod kinds", lambda: sorted((n, stat.S_ISFIFO(os.stat(os.path.join(d, n)).st_mode)) for n in os.listdir(d)))
                    t("mknod reg", os.mknod, os.path.join(d, "reg"))
                    t("mknod chr", lambda: (os.mknod(os.path.join(d, "null"), 0o600 | stat.S_IFCHR, os.makedev(1, 3)), stat.S_ISCHR(os.stat(os.path.join(d, "null")).st_mode)) if os.geteuid() == 0 else "not root")
                    t("dev", lambda: [(os.major(os.makedev(a, b)), os.minor(os.makedev(a, b))) for a, b in [(1, 3), (8, 17), (259, 65536), (0, 0)]])
                    t("makedev big", lambda: (os.makedev(4095, 1048575), os.major(os.makedev(4095, 1048575)), os.minor(os.makedev(4095, 1048575)), os.makedev(2**31 - 1, 2**31 - 1)))
                    t("pathconf_names", lambda: sorted(os.pathconf_names.items()))
                    t("pathconf", os.pathconf, d, "PC_NAME_MAX")
                    t("pathconf int", os.pathconf, d, os.pathconf_names["PC_PATH_MAX"])
                    t("pathconf fd", os.pathconf, r, "PC_PIPE_BUF")
                    t("fpathconf", os.fpathconf, r, "PC_PIPE_BUF")
                    t("pathconf bytes", os.pathconf, os.fsencode(d), "PC_LINK_MAX")
                    def missing():
                        try:
                            os.pathconf(os.path.join(d, "missing", "x"), "PC_NAME_MAX")
                        except OSError as e:
                            return type(e).__name__, e.errno, e.filename == os.path.join(d, "missing", "x")
                    t("pathconf missing", missing)
                    t("ttyname", os.ttyname, r)
                    t("device_encoding", os.device_encoding, r)
                    # extended attributes
                    def xattrs():
                        os.setxattr(path, "user.test", b"value")
                        os.setxattr(path, b"user.other", bytearray(b"x" * 200), os.XATTR_CREATE)
                        result = [sorted(os.listxattr(path)), os.getxattr(path, "user.test"), len(os.getxattr(path, "user.other")), os.getxattr(fd, "user.test"),
                                  sorted(os.listxattr(fd))]
                        try:
                            os.setxattr(path, "user.test", b"v", os.XATTR_CREATE)
                        except OSError as e:
                            result.append(type(e).__name__)
                        os.removexattr(path, "user.test")
                        result.append(sorted(os.listxattr(path, follow_symlinks=False)))
                        try:
                            os.getxattr(path, "user.test")
                        except OSError as e:
                            result.append((e.errno == errno.ENODATA, e.filename == path))
                        os.removexattr(fd, "user.other")
                        result.append(os.listxattr(fd))
                        return result
                    t("xattrs", xattrs)
                    t("xattr fd+follow", os.getxattr, fd, "user.x", follow_symlinks=False)
                    for ev, args in events:
                        print(ev, tuple("fd" if a == fd else "path" if a == path else a for a in args))
                    t("pidfd_open", lambda: os.close(os.pidfd_open(os.getpid())))
                    t("pidfd_open bad", os.pidfd_open, 2**31 - 1)
                    print([(n, getattr(os, n)) for n in sorted(dir(os)) if n.startswith(("EFD_", "MFD_", "POSIX_FADV_", "RWF_", "SPLICE_F_", "ST_", "XATTR_", "RTLD_", "NGROUPS", "TMP_MAX"))])
                    print([(n, getattr(mmap, n)) for n in sorted(dir(mmap)) if n.startswith(("MADV_", "MAP_"))], mmap.error is OSError)
                    """;

    /** Bad arguments: CPython's parser, converter and range errors, in clinic's order. */
    private static final String BAD_CALLS = """
                    import os, sys
                    def t(f, *args, **k):
                        a = tuple(fds.get(x, x) if type(x) is int else x if isinstance(x, (int, str, bytes, float, type(None))) else [type(y).__name__ for y in x] if isinstance(x, list) else type(x).__name__ for x in args)
                        try:
                            r = f(*args, **k)
                            print(f.__name__, a, k, "->", type(r).__name__ if f is os.memfd_create else repr(r))
                        except BaseException as e:
                            print(f.__name__, a, k, type(e).__name__, e)
                    r, w = os.pipe()
                    fds = {r: 'r', w: 'w'}
                    t(os.pread, r, 1, 2**64); t(os.pread, r, 1, -2**64); t(os.pread, r, 1, "x"); t(os.pread, r, 1.0, 0); t(os.pread, r, -1, 0)
                    t(os.major, -1); t(os.major, 2**64); t(os.major, "x"); t(os.major, 1.5); t(os.makedev, 2**32, 0); t(os.makedev, -1, 0); t(os.minor, 2**63)
                    t(os.eventfd, -1); t(os.eventfd, 2**32); t(os.eventfd, "x"); t(os.eventfd, 1.5)
                    t(os.memfd_create, "x", -1); t(os.memfd_create, "x", 2**32); t(os.memfd_create, 1)
                    t(os.pidfd_open, 1, -1); t(os.pidfd_open, 2**31); t(os.pidfd_open, -1)
                    t(os.eventfd_write, r, -1); t(os.eventfd_write, r, 2**64); t(os.eventfd_write, r, "x")
                    t(os.splice, r, w, 1, flags=-1); t(os.splice, r, w, -1); t(os.splice, r, w, 1, "x")
                    t(os.copy_file_range, r, w, -1); t(os.copy_file_range, r, w, 1, "x")
                    t(os.sendfile, w, r, "x", 1); t(os.sendfile, w, r, None, 1); t(os.sendfile, w, r, 0, -1)
                    t(os.sched_setaffinity, 0, [-1]); t(os.sched_setaffinity, 0, ["x"]); t(os.sched_setaffinity, 0, 1); t(os.sched_setaffinity, 0, [2**40]); t(os.sched_setaffinity, 0, [])
                    t(os.sched_setparam, 0, 1); t(os.sched_setscheduler, 0, 0, (0,)); t(os.sched_rr_get_interval, -1)
                    t(os.pathconf, "/", "nope"); t(os.pathconf, "/", 1.5); t(os.fpathconf, r, "PC_PIPE_BUF"); t(os.fpathconf, -1, 1); t(os.pathconf, 1.5, 1); t(os.pathconf, r, "PC_PIPE_BUF"); t(os.listxattr, r); t(os.pathconf, "/", 2**40)
                    t(os.readv, r, [b"x"]); t(os.readv, r, 1); t(os.readv, r, [1]); t(os.writev, w, [1]); t(os.writev, w, 1); t(os.writev, w, []); t(os.readv, r, [])
                    t(os.pwrite, w, "x", 0); t(os.pwritev, w, [b"x"], -1); t(os.preadv, r, [bytearray(1)], 0, -1)
                    t(os.getxattr, 1.5, "x"); t(os.getxattr, "/nonexist", "user.x"); t(os.listxattr, "/nonexist"); t(os.setxattr, "/nonexist", "user.x", "v"); t(os.listxattr, 1.5)
                    t(os.chroot, 1); t(os.mkfifo, 1); t(os.mkfifo, "/nonexist/x", dir_fd="x"); t(os.mknod, "/nonexist/x", device=-1)
                    t(os.ttyname, r); t(os.ttyname, -1); t(os.device_encoding, r); t(os.device_encoding, "x")
                    t(os.pipe2, "x"); t(os.posix_fadvise, r, 0, 0, 99); t(os.posix_fallocate, r, 0, 1); t(os.posix_fallocate, -1, 0, 1)


                    t(os.preadv, r, 1, 0); t(os.pwritev, w, 1, 0); t(os.makedev, 1); t(os.major); t(os.pread, r); t(os.readv, r, [bytearray(2), memoryview(bytearray(4))[::2]])
                    t(os.writev, w, [memoryview(b"abcd")[::2]]); t(os.getxattr, "/", 1); t(os.getxattr, w, "user.x", follow_symlinks=False); t(os.getxattr, 0, "user.x", follow_symlinks=False)
                    t(os.listxattr, None); t(os.listxattr, 99); t(os.pathconf, 99, 1); t(os.pathconf, "/nonexistent", 1); t(os.pathconf, "/", 9999); t(os.fpathconf, 99, 1)
                    t(os.mkfifo, "/nonexistent/x"); t(os.mknod, "/nonexistent/x"); t(os.chroot, "/nonexistent"); t(os.chroot, b"/nonexistent")
                    t(os.sched_setparam, 0, os.sched_param(2**40)); t(os.sched_setparam, 0, os.sched_param("x")); t(os.sched_rr_get_interval, 0)
                    t(os.makedev, -1, 0); t(os.makedev, 2**31-1, 2**31-1); t(os.major, 2**64-1); t(os.minor, 2**64-1); t(os.major, True)
                    t(os.eventfd_read, -1); t(os.memfd_create, "x", "y"); t(os.splice, r, w, 1, None, None, 2**32)
                    """;

    /** Docstrings, signatures and os.__all__ (a long text signature is wrapped by CPython's clinic: compared without whitespace runs). */
    private static final String SIGNATURES = """
                    import inspect, os, mmap
                    names = ["chroot", "copy_file_range", "device_encoding", "eventfd", "eventfd_read", "eventfd_write", "fdatasync", "fpathconf", "getxattr", "listxattr",
                             "major", "makedev", "memfd_create", "minor", "mkfifo", "mknod", "pathconf", "pidfd_open", "pipe2", "posix_fadvise", "posix_fallocate", "pread",
                             "preadv", "pwrite", "pwritev", "readv", "removexattr", "sched_getaffinity", "sched_rr_get_interval", "sched_setaffinity", "sched_setparam",
                             "sched_setscheduler", "sendfile", "setxattr", "splice", "sync", "times", "ttyname", "writev"]
                    for name in names:
                        f = getattr(os, name)
                        print(name, f.__name__, f.__module__, repr(f.__doc__), ' '.join(f.__text_signature__.split()), inspect.signature(f), name in os.__all__)
                    print(os.times_result.__doc__, os.times_result.__module__, os.times_result.n_sequence_fields, "pathconf_names" in os.__all__)
                    """;

    /** chroot as root and, after setuid, as nobody, each in a forked child; an error names the path. */
    private static final String CHROOT = """
                    import os, tempfile
                    d = tempfile.mkdtemp()
                    os.mkdir(os.path.join(d, "inside"))
                    def in_child(uid):
                        r, w = os.pipe()
                        pid = os.fork()
                        if pid == 0:
                            try:
                                if uid is not None:
                                    os.setuid(uid)
                                os.chroot(d)
                                os.write(w, repr(sorted(os.listdir("/"))).encode())
                            except Exception as e:
                                os.write(w, f"{type(e).__name__} {e.errno} {e.filename == d}".encode())
                            os._exit(0)
                        os.close(w)
                        out = os.read(r, 1000).decode()
                        os.close(r)
                        print(out, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                    in_child(None)
                    in_child(65534)
                    try:
                        os.chroot(os.path.join(d, "missing"))
                    except OSError as e:
                        print(type(e).__name__, e.errno, e.filename == os.path.join(d, "missing"))
                    print(sorted(os.listdir("/")) == sorted(os.listdir("/")), os.path.exists(d))
                    """;

    private static void assertSameAsPython3(String source) throws Exception {
        String expected = Launcher.python3(source);
        Launcher.Result r = Launcher.run("-c", source);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void callsOnRealFilesPipesAndEventfdsAnswerAsPython3s() throws Exception {
        assertSameAsPython3(CALLS);
    }

    @Test
    void badCallsRaisePython3sExceptions() throws Exception {
        assertSameAsPython3(BAD_CALLS);
    }

    @Test
    void docstringsAndSignaturesAreCPythons() throws Exception {
        assertSameAsPython3(SIGNATURES);
    }

    @Test
    void chrootInForkedChildren() throws Exception {
        assertSameAsPython3(CHROOT);
    }
}
