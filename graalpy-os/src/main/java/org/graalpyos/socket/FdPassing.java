package org.graalpyos.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SocketCalls;
import org.graalpyos.nativeapi.NativeError;

/**
 * sendmsg(2)/recvmsg(2) with one SCM_RIGHTS control message: what socket.sendmsg/recvmsg
 * carry for multiprocessing.reduction.sendfds/recvfds (GraalPy's socket has neither). EINTR is
 * retried (PEP 475); other errors are thrown as {@link NativeError}.
 */
public final class FdPassing {
    private FdPassing() {
    }

    /** What recvmsg gave: the data, the fds of an SCM_RIGHTS message (possibly none), msg_flags. */
    public record Received(byte[] data, int[] fds, int flags) {
    }

    /** CMSG_SPACE(n): a header and n data bytes rounded up to the 8-byte alignment. */
    public static long cmsgSpace(long dataBytes) {
        return SocketCalls.CMSGHDR_SIZE + ((dataBytes + 7) & ~7L);
    }

    /** Sends {@code data} and, when {@code fds} is not empty, one SCM_RIGHTS message with them: the bytes sent. */
    public static long send(int socketFd, byte[] data, int[] fds, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msghdr = arena.allocate(SocketCalls.MSGHDR_SIZE, 8);
            pointAt(arena, msghdr, arena.allocateFrom(JAVA_BYTE, data), data.length);
            if (fds.length > 0) {
                long dataBytes = (long) fds.length * Integer.BYTES;
                MemorySegment control = arena.allocate(cmsgSpace(dataBytes), 8);
                control.set(JAVA_LONG, 0, SocketCalls.CMSGHDR_SIZE + dataBytes);
                control.set(JAVA_INT, SocketCalls.CMSGHDR_LEVEL, SocketCalls.SOL_SOCKET);
                control.set(JAVA_INT, SocketCalls.CMSGHDR_TYPE, SocketCalls.SCM_RIGHTS);
                MemorySegment.copy(fds, 0, control, JAVA_INT, SocketCalls.CMSGHDR_SIZE, fds.length);
                attachControl(msghdr, control);
            }
            return transfer(true, arena, socketFd, msghdr, flags);
        }
    }

    /** Receives up to {@code maxData} bytes and up to {@code maxFds} passed fds. */
    public static Received receive(int socketFd, int maxData, int maxFds, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msghdr = arena.allocate(SocketCalls.MSGHDR_SIZE, 8);
            MemorySegment buffer = arena.allocate(Math.max(maxData, 1));
            pointAt(arena, msghdr, buffer, maxData);
            if (maxFds > 0) {
                attachControl(msghdr, arena.allocate(cmsgSpace((long) maxFds * Integer.BYTES), 8));
            }
            long received = transfer(false, arena, socketFd, msghdr, flags);
            byte[] data = buffer.asSlice(0, received).toArray(JAVA_BYTE);
            return new Received(data, passedFds(msghdr), msghdr.get(JAVA_INT, SocketCalls.MSGHDR_FLAGS));
        }
    }

    /** sendmsg(2) or recvmsg(2), retried on EINTR (PEP 475): the byte count; throws {@link NativeError}. */
    private static long transfer(boolean send, Arena arena, int socketFd, MemorySegment msghdr, int flags) {
        MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
        long count;
        do {
            count = send ? SocketCalls.sendmsg(errnoState, socketFd, msghdr, flags) : SocketCalls.recvmsg(errnoState, socketFd, msghdr, flags);
        } while (count == -Errno.EINTR);
        return NativeError.check(count);
    }

    private static void attachControl(MemorySegment msghdr, MemorySegment control) {
        msghdr.set(ADDRESS, SocketCalls.MSGHDR_CONTROL, control);
        msghdr.set(JAVA_LONG, SocketCalls.MSGHDR_CONTROLLEN, control.byteSize());
    }

    /** One iovec over {@code length} bytes of {@code buffer}. */
    private static void pointAt(Arena arena, MemorySegment msghdr, MemorySegment buffer, long length) {
        MemorySegment iovec = arena.allocate(SocketCalls.IOVEC_SIZE, 8);
        iovec.set(ADDRESS, 0, buffer);
        iovec.set(JAVA_LONG, 8, length);
        msghdr.set(ADDRESS, SocketCalls.MSGHDR_IOV, iovec);
        msghdr.set(JAVA_LONG, SocketCalls.MSGHDR_IOVLEN, 1);
    }

    /** The fds of every SCM_RIGHTS message the kernel wrote into the control buffer. */
    private static int[] passedFds(MemorySegment msghdr) {
        long controlLength = msghdr.get(JAVA_LONG, SocketCalls.MSGHDR_CONTROLLEN);
        MemorySegment control = msghdr.get(ADDRESS, SocketCalls.MSGHDR_CONTROL).reinterpret(controlLength);
        List<Integer> fds = new ArrayList<>();
        long offset = 0;
        while (offset + SocketCalls.CMSGHDR_SIZE <= controlLength) {
            long length = control.get(JAVA_LONG, offset);
            if (length < SocketCalls.CMSGHDR_SIZE || offset + length > controlLength) {
                break;
            }
            if (control.get(JAVA_INT, offset + SocketCalls.CMSGHDR_LEVEL) == SocketCalls.SOL_SOCKET
                            && control.get(JAVA_INT, offset + SocketCalls.CMSGHDR_TYPE) == SocketCalls.SCM_RIGHTS) {
                for (long at = offset + SocketCalls.CMSGHDR_SIZE; at + Integer.BYTES <= offset + length; at += Integer.BYTES) {
                    fds.add(control.get(JAVA_INT, at));
                }
            }
            offset += cmsgSpace(length - SocketCalls.CMSGHDR_SIZE);
        }
        return fds.stream().mapToInt(Integer::intValue).toArray();
    }
}
