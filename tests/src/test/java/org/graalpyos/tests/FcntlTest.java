package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fcntl.fcntl, os.closerange, os.lockf and the constants issue 16 adds (fcntl, os, socket): on
 * real pipes and files, in the parent and in a forked child, every result, error and audit event
 * equal to python3's; os.closerange leaves the JVM's own fds open (docs/decisions.md D17).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FcntlTest {
    /** Prints what does not depend on fd numbers (the JVM holds more fds than CPython). */
    private static final String PRELUDE = """
                    import fcntl, inspect, os, socket, struct, sys, tempfile
                    events = []
                    sys.addaudithook(lambda e, a: events.append((e, a)) if e.startswith(("fcntl.", "os.lockf", "os.close")) else None)
                    fds = {}
                    def name(fd):
                        return fds.get(fd, fd) if type(fd) is int else fd
                    def t(label, f, *args):
                        try:
                            print(label, repr(f(*args)))
                        except Exception as e:
                            print(label, type(e).__name__, e)
                    def show_events():
                        for e, a in events:
                            print(e, (name(a[0]),) + tuple(x if isinstance(x, (int, str, bytes, type(None))) else type(x).__name__ for x in a[1:]))
                        events.clear()
                    r, w = os.pipe()
                    fds.update({r: "r", w: "w"})
                    path = tempfile.mktemp()
                    f = open(path, "wb")
                    fds[f.fileno()] = "f"
                    class Index:
                        def __index__(self):
                            return 1
                        def __repr__(self):
                            return "Index()"
                    class FileNo:
                        def fileno(self):
                            return r
                    """;

    private static final String CALLS = PRELUDE + """
                    t("getfd", fcntl.fcntl, r, fcntl.F_GETFD)
                    t("setfd 0", fcntl.fcntl, r, fcntl.F_SETFD, 0)
                    t("getfd 0", fcntl.fcntl, r, fcntl.F_GETFD)
                    t("setfd cloexec", fcntl.fcntl, r, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
                    t("getfd cloexec", fcntl.fcntl, FileNo(), fcntl.F_GETFD)
                    t("getfl", lambda: fcntl.fcntl(r, fcntl.F_GETFL) & (os.O_NONBLOCK | os.O_ACCMODE))
                    t("setfl", lambda: fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK))
                    t("getfl nonblock", lambda: fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK)
                    t("read nonblock", os.read, r, 1)
                    d = fcntl.fcntl(r, fcntl.F_DUPFD, 200)
                    fds[d] = "dup"
                    t("dupfd", lambda: (d >= 200, fcntl.fcntl(d, fcntl.F_GETFD)))
                    d2 = fcntl.fcntl(w, fcntl.F_DUPFD_CLOEXEC, 200)
                    fds[d2] = "dup2"
                    t("dupfd_cloexec", lambda: (d2 > d, fcntl.fcntl(d2, fcntl.F_GETFD)))
                    t("closerange", os.closerange, d, d2 + 1)
                    t("closed dup", fcntl.fcntl, d, fcntl.F_GETFD)
                    t("closed dup2", fcntl.fcntl, d2, fcntl.F_GETFD)
                    t("closerange empty", os.closerange, 300, 250)
                    lock = struct.pack("hhllhh", fcntl.F_WRLCK, 0, 0, 0, 0, 0)
                    t("setlk", fcntl.fcntl, f, fcntl.F_SETLK, lock)
                    t("getlk", lambda: struct.unpack("hhllhh", fcntl.fcntl(f, fcntl.F_GETLK, lock)))
                    t("setlk str", lambda: len(fcntl.fcntl(f, fcntl.F_SETLK, lock.decode("latin-1"))))
                    t("getfd str", fcntl.fcntl, r, fcntl.F_GETFD, "é")
                    t("empty bytes", fcntl.fcntl, r, fcntl.F_GETFD, b"")
                    t("1024 bytes", lambda: len(fcntl.fcntl(r, fcntl.F_GETFD, b"x" * 1024)))
                    t("1025 bytes", fcntl.fcntl, r, fcntl.F_GETFD, b"x" * 1025)
                    t("1025 str", fcntl.fcntl, r, fcntl.F_GETFD, "x" * 1025)
                    for label, arg in [("None", None), ("float", 1.5), ("bytearray", bytearray(4)), ("memoryview", memoryview(b"ab")),
                                       ("surrogate", "\\udc80"), ("minus one", -1), ("2**32+1", 2**32 + 1), ("2**70", 2**70), ("Index", Index()), ("True", True)]:
                        t("arg " + label, fcntl.fcntl, r, fcntl.F_GETFD, arg)
                    t("ebadf", fcntl.fcntl, 999, fcntl.F_GETFD)
                    t("negative fd", fcntl.fcntl, -1, fcntl.F_GETFD)
                    t("str fd", fcntl.fcntl, "x", fcntl.F_GETFD)
                    t("big fd", fcntl.fcntl, 2**31, fcntl.F_GETFD)
                    t("str cmd", fcntl.fcntl, r, "x")
                    t("big cmd", fcntl.fcntl, r, 2**40)
                    t("bad cmd", fcntl.fcntl, r, 12345)
                    t("no args", fcntl.fcntl)
                    t("one arg", fcntl.fcntl, r)
                    t("four args", fcntl.fcntl, r, 1, 2, 3)
                    t("keywords", lambda: fcntl.fcntl(r, cmd=1))
                    t("lockf tlock", os.lockf, f.fileno(), os.F_TLOCK, 0)
                    t("lockf test", os.lockf, f.fileno(), os.F_TEST, 0)
                    t("lockf ulock", os.lockf, f.fileno(), os.F_ULOCK, 0)
                    t("lockf file", os.lockf, f, os.F_TEST, 0)
                    t("lockf ebadf", os.lockf, 999, os.F_TEST, 0)
                    t("lockf float", os.lockf, f.fileno(), os.F_TEST, 1.5)
                    t("lockf big", os.lockf, f.fileno(), os.F_TEST, 2**64)
                    t("lockf einval", os.lockf, f.fileno(), 99, 0)
                    t("lockf two", os.lockf, 1, 2)
                    t("closerange str", os.closerange, "a", 1)
                    t("closerange float", os.closerange, 1.0, 1)
                    t("closerange one", os.closerange, 1)
                    t("closerange big", os.closerange, 2**40, 1)
                    t("closerange keywords", lambda: os.closerange(fd_low=1, fd_high=2))
                    show_events()
                    for fn in (fcntl.fcntl, os.closerange, os.lockf):
                        print(fn.__name__, fn.__module__, repr(fn.__doc__), fn.__text_signature__, inspect.signature(fn), fn.__name__ in os.__all__)
                    os.unlink(path)
                    """;

    /** The common case of the real programs: a forked child's fcntl, lock and closerange(3, N), then exec. */
    private static final String FORKED_CHILD = PRELUDE + """
                    pid = os.fork()
                    if pid == 0:
                        try:
                            fcntl.fcntl(w, fcntl.F_SETFD, fcntl.fcntl(w, fcntl.F_GETFD) & ~fcntl.FD_CLOEXEC)
                            assert fcntl.fcntl(w, fcntl.F_GETFD) == 0
                            fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)
                            assert fcntl.fcntl(f, fcntl.F_SETLK, struct.pack("hhllhh", fcntl.F_WRLCK, 0, 0, 0, 0, 0))
                            os.lockf(f.fileno(), os.F_TEST, 0)
                            try:
                                fcntl.fcntl(999, fcntl.F_GETFD)
                                os._exit(2)
                            except OSError as e:
                                assert e.errno == 9, e
                            os.closerange(3, 1024)
                            try:
                                fcntl.fcntl(w, fcntl.F_GETFD)
                                os._exit(3)
                            except OSError as e:
                                assert e.errno == 9, e
                            import decimal, json  # modules and classes still load
                            os.execv("/bin/sh", ["sh", "-c", "ls /proc/self/fd; exit 7"])
                        except BaseException as e:
                            print("child failed:", repr(e), flush=True)
                        os._exit(1)
                    print("child", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                    show_events()
                    os.unlink(path)
                    """;

    /** A daemon's way (python3-daemon): every fd above stderr closed, then the program goes on in the same process. */
    private static final String CLOSE_ALL_AND_GO_ON = """
                    import os, subprocess, sys
                    def jvm_fds():
                        fds = []
                        for n in os.listdir("/proc/self/fd"):
                            try:
                                if os.readlink("/proc/self/fd/" + n).endswith((".jar", "/modules")):
                                    fds.append(int(n))
                            except OSError:
                                pass  # the listing's own fd
                        return sorted(fds)
                    before = jvm_fds()
                    r, w = os.pipe()
                    os.closerange(3, 65536)
                    for fd in (r, w):
                        try:
                            os.fstat(fd)
                            print("still open", fd)
                        except OSError as e:
                            print("closed", e.errno)
                    print("jvm fds kept", jvm_fds() == before and len(before) > 0)
                    import decimal, json, xml.dom.minidom, fcntl  # class loading and our shims still work
                    print(json.dumps({"d": str(decimal.Decimal("1.5"))}))
                    out = subprocess.run(["ls", "/proc/self/fd"], capture_output=True, text=True).stdout.split()
                    print("child fds", out)  # ls's own listing is 3
                    """;

    private static final String CONSTANTS = """
                    import fcntl, os, socket, _socket
                    fcntl_names = ("DN_ACCESS DN_ATTRIB DN_CREATE DN_DELETE DN_MODIFY DN_MULTISHOT DN_RENAME FASYNC FD_CLOEXEC F_ADD_SEALS F_DUPFD "
                                   "F_DUPFD_CLOEXEC F_EXLCK F_GETFD F_GETFL F_GETLEASE F_GETLK F_GETLK64 F_GETOWN F_GETPIPE_SZ F_GETSIG F_GET_SEALS "
                                   "F_NOTIFY F_OFD_GETLK F_OFD_SETLK F_OFD_SETLKW F_SEAL_GROW F_SEAL_SEAL F_SEAL_SHRINK F_SEAL_WRITE F_SETFD F_SETFL "
                                   "F_SETLEASE F_SETLK F_SETLK64 F_SETLKW F_SETLKW64 F_SETOWN F_SETPIPE_SZ F_SETSIG F_SHLCK LOCK_MAND LOCK_READ "
                                   "LOCK_RW LOCK_WRITE F_RDLCK F_UNLCK F_WRLCK LOCK_EX LOCK_NB LOCK_SH LOCK_UN").split()
                    print([(n, getattr(fcntl, n)) for n in fcntl_names])
                    os_names = "O_ASYNC O_FSYNC O_NOATIME O_NOFOLLOW F_LOCK F_TEST F_TLOCK F_ULOCK".split()
                    print([(n, getattr(os, n), n in os.__all__) for n in os_names])
                    # issue 16's socket names python3 (3.11 here) has; 3.12's others (IP_PKTINFO, TCP_INQ, ...) NativeLayoutTest checks against the headers
                    socket_names = ("AF_ALG AF_APPLETALK AF_ASH AF_ATMPVC AF_ATMSVC AF_AX25 AF_BRIDGE AF_CAN AF_DECnet AF_ECONET AF_IPX AF_IRDA AF_KEY AF_LLC "
                                    "AF_NETBEUI AF_NETLINK AF_NETROM AF_PPPOX AF_QIPCRTR AF_RDS AF_ROSE AF_ROUTE AF_SECURITY AF_SNA AF_TIPC AF_VSOCK "
                                    "AF_WANPIPE AF_X25 IPPORT_RESERVED IPPORT_USERRESERVED IPPROTO_DSTOPTS IPPROTO_FRAGMENT IPPROTO_HOPOPTS IPPROTO_ICMPV6 "
                                    "IPPROTO_MPTCP IPPROTO_NONE IPPROTO_ROUTING IPPROTO_UDPLITE IP_ADD_MEMBERSHIP IP_BIND_ADDRESS_NO_PORT "
                                    "IP_DEFAULT_MULTICAST_LOOP IP_DEFAULT_MULTICAST_TTL IP_DROP_MEMBERSHIP IP_HDRINCL IP_MAX_MEMBERSHIPS IP_MULTICAST_IF "
                                    "IP_MULTICAST_LOOP IP_MULTICAST_TTL IP_OPTIONS IP_RECVOPTS IP_RECVRETOPTS IP_RECVTOS IP_RETOPTS IP_TOS IP_TRANSPARENT "
                                    "IP_TTL MSG_CMSG_CLOEXEC MSG_CONFIRM MSG_CTRUNC MSG_DONTROUTE MSG_DONTWAIT MSG_EOR MSG_ERRQUEUE MSG_FASTOPEN MSG_MORE "
                                    "MSG_NOSIGNAL MSG_OOB MSG_PEEK MSG_TRUNC MSG_WAITALL NI_MAXHOST NI_MAXSERV SCM_CREDENTIALS SOCK_CLOEXEC SOCK_NONBLOCK "
                                    "SOCK_RAW SOCK_RDM SOCK_SEQPACKET SO_INCOMING_CPU").split()
                    print([(n, repr(getattr(socket, n))) for n in socket_names])
                    print(socket.SocketKind(3), socket.MsgFlag.MSG_PEEK | socket.MsgFlag.MSG_WAITALL, socket.AddressFamily(16))
                    """;

    @Test
    void fcntlLockfAndCloserangeAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(CALLS);
        Launcher.Result r = Launcher.run("-c", CALLS);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void aForkedChildCallsFcntlClosesItsFdsAndExecs() throws Exception {
        String expected = Launcher.python3(FORKED_CHILD);
        assertTrue(expected.contains("child 7"), expected);
        Launcher.Result r = Launcher.run("-c", FORKED_CHILD);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void closerangeKeepsTheJvmsFdsOpenAndCloseOnExec() throws Exception {
        Launcher.Result r = Launcher.run("-c", CLOSE_ALL_AND_GO_ON);
        assertEquals("""
                        closed 9
                        closed 9
                        jvm fds kept True
                        {"d": "1.5"}
                        child fds ['0', '1', '2', '3']
                        """, r.stdout(), r.stderr());
    }

    @Test
    void constantsEqualPython3s() throws Exception {
        String expected = Launcher.python3(CONSTANTS);
        Launcher.Result r = Launcher.run("-c", CONSTANTS);
        assertEquals(expected, r.stdout(), r.stderr());
    }
}
