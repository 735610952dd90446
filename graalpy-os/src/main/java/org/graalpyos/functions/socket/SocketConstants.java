package org.graalpyos.functions.socket;

import org.graalpyos.nativeapi.CConstant;

/**
 * Constants of CPython 3.12's _socket that GraalPy's lacks, with this machine's values
 * (&lt;sys/socket.h&gt;, &lt;netinet/in.h&gt;, &lt;netinet/tcp.h&gt;, &lt;netdb.h&gt;): added to _socket
 * when it is first imported, so socket.py's {@code from _socket import *} and its IntEnum
 * conversions (AddressFamily, SocketKind, MsgFlag) see them, as under CPython.
 */
public final class SocketConstants {
    private SocketConstants() {
    }

    @CConstant public static final int AF_ALG = 38;
    @CConstant public static final int AF_APPLETALK = 5;
    @CConstant public static final int AF_ASH = 18;
    @CConstant public static final int AF_ATMPVC = 8;
    @CConstant public static final int AF_ATMSVC = 20;
    @CConstant public static final int AF_AX25 = 3;
    @CConstant public static final int AF_BRIDGE = 7;
    @CConstant public static final int AF_CAN = 29;
    @CConstant public static final int AF_DECnet = 12;
    @CConstant public static final int AF_ECONET = 19;
    @CConstant public static final int AF_IPX = 4;
    @CConstant public static final int AF_IRDA = 23;
    @CConstant public static final int AF_KEY = 15;
    @CConstant public static final int AF_LLC = 26;
    @CConstant public static final int AF_NETBEUI = 13;
    @CConstant public static final int AF_NETLINK = 16;
    @CConstant public static final int AF_NETROM = 6;
    @CConstant public static final int AF_PPPOX = 24;
    @CConstant public static final int AF_QIPCRTR = 42;
    @CConstant public static final int AF_RDS = 21;
    @CConstant public static final int AF_ROSE = 11;
    @CConstant public static final int AF_ROUTE = 16;
    @CConstant public static final int AF_SECURITY = 14;
    @CConstant public static final int AF_SNA = 22;
    @CConstant public static final int AF_TIPC = 30;
    @CConstant public static final int AF_VSOCK = 40;
    @CConstant public static final int AF_WANPIPE = 25;
    @CConstant public static final int AF_X25 = 9;
    @CConstant public static final int IPPORT_RESERVED = 1024;
    @CConstant public static final int IPPORT_USERRESERVED = 5000;
    @CConstant public static final int IPPROTO_DSTOPTS = 60;
    @CConstant public static final int IPPROTO_FRAGMENT = 44;
    @CConstant public static final int IPPROTO_HOPOPTS = 0;
    @CConstant public static final int IPPROTO_ICMPV6 = 58;
    @CConstant public static final int IPPROTO_MPTCP = 262;
    @CConstant public static final int IPPROTO_NONE = 59;
    @CConstant public static final int IPPROTO_ROUTING = 43;
    @CConstant public static final int IPPROTO_UDPLITE = 136;
    @CConstant public static final int IP_ADD_MEMBERSHIP = 35;
    @CConstant public static final int IP_ADD_SOURCE_MEMBERSHIP = 39;
    @CConstant public static final int IP_BIND_ADDRESS_NO_PORT = 24;
    @CConstant public static final int IP_BLOCK_SOURCE = 38;
    @CConstant public static final int IP_DEFAULT_MULTICAST_LOOP = 1;
    @CConstant public static final int IP_DEFAULT_MULTICAST_TTL = 1;
    @CConstant public static final int IP_DROP_MEMBERSHIP = 36;
    @CConstant public static final int IP_DROP_SOURCE_MEMBERSHIP = 40;
    @CConstant public static final int IP_HDRINCL = 3;
    @CConstant public static final int IP_MAX_MEMBERSHIPS = 20;
    @CConstant public static final int IP_MULTICAST_IF = 32;
    @CConstant public static final int IP_MULTICAST_LOOP = 34;
    @CConstant public static final int IP_MULTICAST_TTL = 33;
    @CConstant public static final int IP_OPTIONS = 4;
    @CConstant public static final int IP_PKTINFO = 8;
    @CConstant public static final int IP_RECVOPTS = 6;
    @CConstant public static final int IP_RECVRETOPTS = 7;
    @CConstant public static final int IP_RECVTOS = 13;
    @CConstant public static final int IP_RETOPTS = 7;
    @CConstant public static final int IP_TOS = 1;
    @CConstant public static final int IP_TRANSPARENT = 19;
    @CConstant public static final int IP_TTL = 2;
    @CConstant public static final int IP_UNBLOCK_SOURCE = 37;
    @CConstant public static final int MSG_CMSG_CLOEXEC = 1073741824;
    @CConstant public static final int MSG_CONFIRM = 2048;
    @CConstant public static final int MSG_CTRUNC = 8;
    @CConstant public static final int MSG_DONTROUTE = 4;
    @CConstant public static final int MSG_DONTWAIT = 64;
    @CConstant public static final int MSG_EOR = 128;
    @CConstant public static final int MSG_ERRQUEUE = 8192;
    @CConstant public static final int MSG_FASTOPEN = 536870912;
    @CConstant public static final int MSG_MORE = 32768;
    @CConstant public static final int MSG_NOSIGNAL = 16384;
    @CConstant public static final int MSG_OOB = 1;
    @CConstant public static final int MSG_PEEK = 2;
    @CConstant public static final int MSG_TRUNC = 32;
    @CConstant public static final int MSG_WAITALL = 256;
    @CConstant public static final int NI_MAXHOST = 1025;
    @CConstant public static final int NI_MAXSERV = 32;
    @CConstant public static final int SCM_CREDENTIALS = 2;
    @CConstant public static final int SOCK_CLOEXEC = 524288;
    @CConstant public static final int SOCK_NONBLOCK = 2048;
    @CConstant public static final int SOCK_RAW = 3;
    @CConstant public static final int SOCK_RDM = 4;
    @CConstant public static final int SOCK_SEQPACKET = 5;
    @CConstant public static final int SO_INCOMING_CPU = 49;
    @CConstant public static final int TCP_CC_INFO = 26;
    @CConstant public static final int TCP_FASTOPEN_CONNECT = 30;
    @CConstant public static final int TCP_FASTOPEN_KEY = 33;
    @CConstant public static final int TCP_FASTOPEN_NO_COOKIE = 34;
    @CConstant public static final int TCP_INQ = 36;
    @CConstant public static final int TCP_MD5SIG = 14;
    @CConstant public static final int TCP_MD5SIG_EXT = 32;
    @CConstant public static final int TCP_QUEUE_SEQ = 21;
    @CConstant public static final int TCP_REPAIR = 19;
    @CConstant public static final int TCP_REPAIR_OPTIONS = 22;
    @CConstant public static final int TCP_REPAIR_QUEUE = 20;
    @CConstant public static final int TCP_REPAIR_WINDOW = 29;
    @CConstant public static final int TCP_SAVED_SYN = 28;
    @CConstant public static final int TCP_SAVE_SYN = 27;
    @CConstant public static final int TCP_THIN_DUPACK = 17;
    @CConstant public static final int TCP_THIN_LINEAR_TIMEOUTS = 16;
    @CConstant public static final int TCP_TIMESTAMP = 24;
    @CConstant public static final int TCP_TX_DELAY = 37;
    @CConstant public static final int TCP_ULP = 31;
    @CConstant public static final int TCP_ZEROCOPY_RECEIVE = 35;
}
