package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/**
 * Sockets: socketpair, sendmsg/recvmsg for SCM_RIGHTS fd passing, and the names socket's module
 * functions look up: network interfaces, protocols, the host name.
 */
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
    /** struct if_nameindex: unsigned if_index (+pad), char *if_name. */
    @CConstant("sizeof(struct if_nameindex)") public static final long IF_NAMEINDEX_SIZE = 16;
    @CConstant("offsetof(struct if_nameindex, if_name)") public static final long IF_NAMEINDEX_NAME = 8;
    @CConstant("IF_NAMESIZE") public static final int IF_NAMESIZE = 16;
    /** struct protoent: p_name, p_aliases, p_proto. */
    @CConstant("offsetof(struct protoent, p_proto)") public static final long PROTOENT_PROTO = 16;

    private static final class Sockets {
        static final FunctionDescriptor MSG_DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle SENDMSG = downcall("sendmsg", MSG_DESC, CAPTURE_ERRNO);
        static final MethodHandle RECVMSG = downcall("recvmsg", MSG_DESC, CAPTURE_ERRNO);
        static final MethodHandle SOCKETPAIR = downcall("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                        CAPTURE_ERRNO);
    }

    private static final class Names {
        static final MethodHandle IF_NAMEINDEX = downcall("if_nameindex", FunctionDescriptor.of(ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle IF_FREENAMEINDEX = downcall("if_freenameindex", FunctionDescriptor.ofVoid(ADDRESS));
        static final MethodHandle IF_NAMETOINDEX = downcall("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle IF_INDEXTONAME = downcall("if_indextoname", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle GETPROTOBYNAME = downcall("getprotobyname", FunctionDescriptor.of(ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SETHOSTNAME = downcall("sethostname", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
    }

    /** One network interface of if_nameindex(3). */
    public record NetworkInterface(int index, byte[] name) {
    }

    /** if_nameindex(3): the interfaces, or null on failure (errno in {@code errnoState}). */
    public static List<NetworkInterface> interfaces(MemorySegment errnoState) {
        MemorySegment array = Downcalls.callPointer(Names.IF_NAMEINDEX, errnoState);
        if (array.equals(MemorySegment.NULL)) {
            return null;
        }
        try {
            List<NetworkInterface> interfaces = new ArrayList<>();
            MemorySegment entries = array.reinterpret(Long.MAX_VALUE);
            for (long offset = 0;; offset += IF_NAMEINDEX_SIZE) {
                int index = entries.get(JAVA_INT, offset);
                MemorySegment name = entries.get(ADDRESS, offset + IF_NAMEINDEX_NAME);
                if (index == 0 && name.equals(MemorySegment.NULL)) {
                    return interfaces;
                }
                interfaces.add(new NetworkInterface(index, CStrings.bytes(name)));
            }
        } finally {
            Downcalls.callPlainVoid(Names.IF_FREENAMEINDEX, array);
        }
    }

    /** if_nametoindex(3): the index, 0 when there is no such interface. */
    public static int interfaceIndex(MemorySegment errnoState, byte[] name) {
        try (Arena arena = Arena.ofConfined()) {
            return Downcalls.callPlain(Names.IF_NAMETOINDEX, errnoState, CStrings.of(arena, name));
        }
    }

    /** if_indextoname(3): the name, or null on failure (errno in {@code errnoState}). */
    public static byte[] interfaceName(MemorySegment errnoState, int index) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = Downcalls.callPointer(Names.IF_INDEXTONAME, errnoState, index, arena.allocate(IF_NAMESIZE));
            return name.equals(MemorySegment.NULL) ? null : CStrings.bytes(name);
        }
    }

    /** getprotobyname(3): the protocol's number, -1 when there is none. */
    public static int protocolNumber(MemorySegment errnoState, byte[] name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entry = Downcalls.callPointer(Names.GETPROTOBYNAME, errnoState, CStrings.of(arena, name));
            return entry.equals(MemorySegment.NULL) ? -1 : entry.reinterpret(PROTOENT_PROTO + 4).get(JAVA_INT, PROTOENT_PROTO);
        }
    }

    /** sethostname(2): 0 or -errno. */
    public static int setHostName(MemorySegment errnoState, byte[] name) {
        try (Arena arena = Arena.ofConfined()) {
            return Downcalls.call(Names.SETHOSTNAME, errnoState, CStrings.of(arena, name), (long) name.length);
        }
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
