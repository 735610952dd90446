package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * socket's if_nameindex, if_nametoindex, if_indextoname, getprotobyname, sethostname, send_fds and
 * recv_fds, the protocol families' constants, and _ssl's RAND_* answer as python3's do: calls, bad
 * calls, docstrings; a forked child's RAND_bytes are not its parent's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SocketNamesTest {
    private static final String NAMES = """
                    import inspect, os, socket
                    def show(f, *args, **kwargs):
                        try:
                            print(f.__name__, args, kwargs, repr(f(*args, **kwargs)))
                        except Exception as e:
                            print(f.__name__, args, kwargs, type(e).__name__, e, getattr(e, "errno", None))
                    class Index:
                        def __index__(self):
                            return 1
                    functions = (socket.if_nameindex, socket.if_nametoindex, socket.if_indextoname, socket.getprotobyname, socket.sethostname)
                    for f in functions:
                        print(f.__name__, f.__module__, repr(f.__doc__), f.__text_signature__, f.__name__ in socket.__all__)
                        show(f); show(f, 1, 2); show(f, x=1); show(f, "lo", x=1)
                    show(socket.if_nameindex)
                    first = socket.if_nameindex()[0]
                    print(socket.if_nametoindex(first[1]) == first[0], socket.if_indextoname(first[0]) == first[1])
                    for value in ("lo", b"lo", "nope", 1, "l\\0o", bytearray(b"lo"), "\\udcff"):
                        show(socket.if_nametoindex, value)
                    for value in (1, 0, -1, 2**32, 2**64, 999, "1", 1.0, True):
                        show(socket.if_indextoname, value)
                    try:
                        socket.if_indextoname(Index())
                    except TypeError as e:
                        print("__index__", e)
                    for value in ("tcp", "TCP", "udp", "nope", b"tcp", "t\\0cp", "\\udcff", None):
                        show(socket.getprotobyname, value)
                    for value in (1, bytearray(b"x"), None):
                        show(socket.sethostname, value)
                    print(socket.send_fds.__doc__, socket.recv_fds.__doc__, inspect.signature(socket.send_fds), inspect.signature(socket.recv_fds))
                    left, right = socket.socketpair()
                    r, w = os.pipe()
                    print(socket.send_fds(left, [b"fd", b"s"], [w, r]))
                    data, fds, flags, address = socket.recv_fds(right, 16, 4)
                    print(data, len(fds), flags, address)
                    os.write(fds[0], b"through the passed fd")
                    print(os.read(r, 100), os.read(fds[1], 0))
                    """;

    private static final String CONSTANTS = """
                    import socket
                    prefixes = ("ALG_", "CAN_", "J1939_", "NETLINK_", "PACKET_", "PF_", "SCM_J1939", "SOL_", "SO_J1939", "SO_VM", "TIPC_",
                                "UDPLITE_", "VMADDR_", "VM_SOCKETS", "IOCTL_VM")
                    print(sorted((name, getattr(socket, name)) for name in dir(socket) if name.startswith(prefixes)))
                    print(socket.AF_NETLINK, repr(socket.SOL_TIPC), socket.AddressFamily(socket.PF_CAN))
                    """;

    private static final String RANDOM = """
                    import inspect, os, ssl
                    def show(f, *args, **kwargs):
                        shown = [type(a).__name__ if isinstance(a, memoryview) else a for a in args]
                        try:
                            result = f(*args, **kwargs)
                            print(f.__name__, shown, kwargs, type(result).__name__, len(result) if isinstance(result, bytes) else result)
                        except Exception as e:
                            print(f.__name__, shown, kwargs, type(e).__name__, e)
                    for f in (ssl.RAND_bytes, ssl.RAND_status, ssl.RAND_add):
                        print(f.__name__, f.__module__, repr(f.__doc__), f.__text_signature__, inspect.signature(f))
                    for args in ((16,), (0,), (-1,), (), ("1",), (2**31,), (1.0,), (100000,)):
                        show(ssl.RAND_bytes, *args)
                    show(ssl.RAND_bytes, n=1); show(ssl.RAND_status); show(ssl.RAND_status, 1)
                    for args in ((b"x", 1.0), ("x", 1), (bytearray(b"x"), 0), (bytes(2), 0.5), (1, 1.0), (b"x", "1"), (b"x",), ("\\udcff", 1.0)):
                        show(ssl.RAND_add, *args)
                    show(ssl.RAND_add, memoryview(b"xy"), 0.5)
                    r, w = os.pipe()
                    parent = ssl.RAND_bytes(32)
                    pid = os.fork()
                    if pid == 0:
                        os.write(w, ssl.RAND_bytes(32))
                        os._exit(0)
                    os.waitpid(pid, 0)
                    child = os.read(r, 32)
                    print(len(child), child != parent, ssl.RAND_bytes(32) != parent)
                    """;

    @Test
    void networkNamesAndFdPassingAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(NAMES);
        Launcher.Result r = Launcher.run("-c", NAMES);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void protocolFamilyConstantsAreThoseOfPython3() throws Exception {
        String expected = Launcher.python3(CONSTANTS);
        Launcher.Result r = Launcher.run("-c", CONSTANTS);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void sslRandomAnswersAsPython3sAndDiffersInAForkedChild() throws Exception {
        String expected = Launcher.python3(RANDOM);
        Launcher.Result r = Launcher.run("-c", RANDOM);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    /** sethostname in a UTS namespace of its own (unshare(1)), so the machine keeps its name. */
    @Test
    void sethostnameSetsTheNameAsPython3s() throws Exception {
        assumeTrue(Launcher.onPath("unshare"), "needs unshare(1)");
        String source = """
                        import socket, sys
                        events = []
                        sys.addaudithook(lambda event, args: events.append((event, args)) if event == "socket.sethostname" else None)
                        socket.sethostname("graalpy-os-uts")
                        print(socket.gethostname(), events)
                        socket.sethostname(b"second")
                        print(socket.gethostname())
                        try:
                            socket.sethostname("x" * 100)
                        except OSError as e:
                            print(type(e).__name__, e.errno)
                        """;
        ProcessBuilder python3 = new ProcessBuilder(List.of("unshare", "--uts", "--", "python3", "-c", source));
        Process p = python3.redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor() == 0, "unshare --uts is not permitted here: " + expected);
        Process ours = new ProcessBuilder(List.of("unshare", "--uts", "--", Launcher.EXECUTABLE.toString(), "-c", source)).start();
        String actual = new String(ours.getInputStream().readAllBytes());
        String errors = new String(ours.getErrorStream().readAllBytes());
        assertEquals(0, ours.waitFor(), errors);
        assertEquals(expected, actual, errors);
    }
}
