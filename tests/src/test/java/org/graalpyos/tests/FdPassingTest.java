package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SCM_RIGHTS fd passing (socket.sendmsg/recvmsg, multiprocessing.reduction.sendfds/recvfds) between real processes. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FdPassingTest {

    @Test
    void aPipesReadEndPassedToAnotherProcessReadsWhatTheSenderWrites() throws Exception {
        Launcher.Result r = Launcher.run("-c", """
                        import os, socket, subprocess, sys, tempfile
                        from multiprocessing import reduction

                        RECEIVER = '''
                        import os, socket, sys
                        from multiprocessing import reduction
                        with socket.socket(socket.AF_UNIX) as s:
                            s.connect(sys.argv[1])
                            fd, = reduction.recvfds(s, 4)
                            print("receiver read", os.read(fd, 100).decode(), flush=True)
                        '''
                        print("HAVE_SEND_HANDLE", reduction.HAVE_SEND_HANDLE)
                        path = tempfile.mktemp()
                        with socket.socket(socket.AF_UNIX) as listener:
                            listener.bind(path)
                            listener.listen()
                            r, w = os.pipe()
                            receiver = subprocess.Popen([sys.executable, "-c", RECEIVER, path])
                            conn, _ = listener.accept()
                            with conn:
                                reduction.sendfds(conn, [r])
                            os.close(r)
                            os.write(w, b"through the pipe")
                            os.close(w)
                            print("receiver exit", receiver.wait(240))
                        os.unlink(path)
                        """);
        assertEquals("HAVE_SEND_HANDLE True\nreceiver read through the pipe\nreceiver exit 0\n", r.stdout(), r.stderr());
    }

    @Test
    void sendmsgAndRecvmsgCarryDataAndFdsAsCPythons() throws Exception {
        Launcher.Result r = Launcher.run("-c", """
                        import array, os, socket, tempfile
                        path = tempfile.mktemp()
                        with socket.socket(socket.AF_UNIX) as listener:
                            listener.bind(path)
                            listener.listen()
                            a = socket.socket(socket.AF_UNIX)
                            a.connect(path)
                            b, _ = listener.accept()
                        os.unlink(path)
                        r, w = os.pipe()
                        print(a.sendmsg([b"ab", b"c"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [w]))]))
                        data, ancdata, flags, address = b.recvmsg(10, socket.CMSG_SPACE(4))
                        (level, kind, fds), = ancdata
                        received = array.array("i", fds)[0]
                        os.write(received, b"x")
                        print(data, level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, flags, address, os.read(r, 1))
                        b.settimeout(0.2)
                        try:
                            b.recvmsg(1)
                        except TimeoutError as e:
                            print("TimeoutError", e)
                        a.shutdown(socket.SHUT_WR)
                        print(b.recvmsg(10, 100))
                        try:
                            a.sendmsg([b"x"], [(socket.SOL_SOCKET, 2, b"")])
                        except OSError as e:
                            print(type(e).__name__, e.errno)
                        """);
        assertEquals("3\nb'abc' True True 0 None b'x'\nTimeoutError timed out\n(b'', [], 0, None)\nOSError 22\n", r.stdout(), r.stderr());
    }
}
