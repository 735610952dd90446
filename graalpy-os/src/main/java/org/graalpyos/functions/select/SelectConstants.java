package org.graalpyos.functions.select;

import org.graalpyos.nativeapi.CConstant;

/** select's POLL* (poll.h, with _GNU_SOURCE as CPython's selectmodule) and EPOLL* (sys/epoll.h) constants. */
public final class SelectConstants {
    private SelectConstants() {
    }

    @CConstant public static final int POLLIN = 0x001;
    @CConstant public static final int POLLPRI = 0x002;
    @CConstant public static final int POLLOUT = 0x004;
    @CConstant public static final int POLLERR = 0x008;
    @CConstant public static final int POLLHUP = 0x010;
    @CConstant public static final int POLLNVAL = 0x020;
    @CConstant public static final int POLLRDNORM = 0x040;
    @CConstant public static final int POLLRDBAND = 0x080;
    @CConstant public static final int POLLWRNORM = 0x100;
    @CConstant public static final int POLLWRBAND = 0x200;
    @CConstant public static final int POLLMSG = 0x400;
    @CConstant public static final int POLLRDHUP = 0x2000;
    @CConstant public static final int EPOLLIN = 0x001;
    @CConstant public static final int EPOLLPRI = 0x002;
    @CConstant public static final int EPOLLOUT = 0x004;
    @CConstant public static final int EPOLLERR = 0x008;
    @CConstant public static final int EPOLLHUP = 0x010;
    @CConstant public static final int EPOLLRDNORM = 0x040;
    @CConstant public static final int EPOLLRDBAND = 0x080;
    @CConstant public static final int EPOLLWRNORM = 0x100;
    @CConstant public static final int EPOLLWRBAND = 0x200;
    @CConstant public static final int EPOLLMSG = 0x400;
    @CConstant public static final int EPOLLRDHUP = 0x2000;
    @CConstant public static final int EPOLLEXCLUSIVE = 1 << 28;
    @CConstant public static final int EPOLLONESHOT = 1 << 30;
    @CConstant public static final long EPOLLET = 1L << 31; // unsigned in C: positive, as CPython shows it
    @CConstant public static final int EPOLL_CLOEXEC = 0x80000;
}
