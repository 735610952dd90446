package org.graalpyos.nativeapi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** epoll(7): epoll_create1, epoll_ctl, epoll_wait, for select.epoll. */
public final class EpollCalls {
    private EpollCalls() {
    }

    /** struct epoll_event: a uint32_t events, then the data union, packed on x86-64. */
    @CConstant("sizeof(struct epoll_event)") public static final long EVENT_SIZE = 12;
    @CConstant("offsetof(struct epoll_event, data)") public static final long DATA_OFFSET = 4;

    static final class Handles {
        static final MethodHandle CREATE1 = downcall("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle CTL = downcall("epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle WAIT = downcall("epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    }

    /** epoll_create1(2): the fd or -errno. */
    public static int create1(MemorySegment errnoState, int flags) {
        return Downcalls.call(Handles.CREATE1, errnoState, flags);
    }

    /** epoll_ctl(2) with {@code event} (one {@link #EVENT_SIZE} entry): 0 or -errno. */
    public static int ctl(MemorySegment errnoState, int epfd, int op, int fd, MemorySegment event) {
        return Downcalls.call(Handles.CTL, errnoState, epfd, op, fd, event);
    }

    /** epoll_wait(2) into {@code events} (room for {@code maxEvents}): the count of events, 0 on timeout, -errno. */
    public static int await(MemorySegment errnoState, int epfd, MemorySegment events, int maxEvents, int timeoutMillis) {
        return Downcalls.call(Handles.WAIT, errnoState, epfd, events, maxEvents, timeoutMillis);
    }
}
