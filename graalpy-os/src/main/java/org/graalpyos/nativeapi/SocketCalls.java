package org.graalpyos.nativeapi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** Sockets: socketpair, and sendmsg/recvmsg for SCM_RIGHTS fd passing. */
public final class SocketCalls {
    private SocketCalls() {
    }

    @CConstant public static final int SOCK_CLOEXEC = FileCalls.O_CLOEXEC;
    /** struct msghdr: name, namelen (+pad), iov, iovlen, control, controllen, flags (+pad). */
    @CConstant("sizeof(struct msghdr)") public static final long MSGHDR_SIZE = 56;
    @CConstant("offsetof(struct msghdr, msg_iov)") public static final long MSGHDR_IOV = 16;
    @CConstant("offsetof(struct msghdr, msg_iovlen)") public static final long MSGHDR_IOVLEN = 24;
    @CConstant("offsetof(struct msghdr, msg_control)") public static final long MSGHDR_CONTROL = 32;
    @CConstant("offsetof(struct msghdr, msg_controllen)") public static final long MSGHDR_CONTROLLEN = 40;
    @CConstant("offsetof(struct msghdr, msg_flags)") public static final long MSGHDR_FLAGS = 48;
    /** struct iovec: base, len. */
    @CConstant("sizeof(struct iovec)") public static final long IOVEC_SIZE = 16;
    /** struct cmsghdr: size_t len, int level, int type, then the data (CMSG_ALIGN'ed to 8). */
    @CConstant("CMSG_LEN(0)") public static final long CMSGHDR_SIZE = 16;
    @CConstant("offsetof(struct cmsghdr, cmsg_level)") public static final long CMSGHDR_LEVEL = 8;
    @CConstant("offsetof(struct cmsghdr, cmsg_type)") public static final long CMSGHDR_TYPE = 12;
    @CConstant public static final int SOL_SOCKET = 1;
    @CConstant public static final int SCM_RIGHTS = 1;

    private static final class Sockets {
        static final FunctionDescriptor MSG_DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle SENDMSG = downcall("sendmsg", MSG_DESC, CAPTURE_ERRNO);
        static final MethodHandle RECVMSG = downcall("recvmsg", MSG_DESC, CAPTURE_ERRNO);
        static final MethodHandle SOCKETPAIR = downcall("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                        CAPTURE_ERRNO);
    }

    /** socketpair(2) into {@code fds} (two ints): 0 or -errno. */
    public static int socketpair(MemorySegment errnoState, int domain, int type, int protocol, MemorySegment fds) {
        return Downcalls.call(Sockets.SOCKETPAIR, errnoState, domain, type, protocol, fds);
    }

    /** sendmsg(2): bytes sent or -errno. */
    public static long sendmsg(MemorySegment errnoState, int fd, MemorySegment msghdr, int flags) {
        return Downcalls.callSize(Sockets.SENDMSG, errnoState, fd, msghdr, flags);
    }

    /** recvmsg(2): bytes received or -errno. */
    public static long recvmsg(MemorySegment errnoState, int fd, MemorySegment msghdr, int flags) {
        return Downcalls.callSize(Sockets.RECVMSG, errnoState, fd, msghdr, flags);
    }
}
