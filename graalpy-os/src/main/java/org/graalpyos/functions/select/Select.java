package org.graalpyos.functions.select;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.blocking.InterruptibleBlocking;
import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.EpollCalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.FileCalls;

/**
 * select.select, select.poll and select.epoll: graalpy_os/select_.py is their body (argument
 * handling, timeouts, the poll and epoll objects, as CPython 3.12's selectmodule), over the
 * builtins below, which block through {@link InterruptibleBlocking} (PEP 475: Python signal
 * handlers run while they block; a timeout goes on with the time left). select.select is poll(2)
 * underneath, with select(2)'s limit and its readiness sets.
 */
public final class Select {
    private Select() {
    }

    @CConstant private static final int FD_SETSIZE = 1024;
    @CConstant private static final int EPOLL_CTL_ADD = 1;
    @CConstant private static final int EPOLL_CTL_DEL = 2;
    @CConstant private static final int EPOLL_CTL_MOD = 3;

    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("select_", "select.select(rlist: object, wlist: object, xlist: object, timeout: object = None, /) -> object", """
                        Wait until one or more file descriptors are ready for some kind of I/O.

                        The first three arguments are iterables of file descriptors to be waited for:
                        rlist -- wait until ready for reading
                        wlist -- wait until ready for writing
                        xlist -- wait for an "exceptional condition"
                        If only one kind of condition is required, pass [] for the other lists.

                        A file descriptor is either a socket or file object, or a small integer
                        gotten from a fileno() method call on one of those.

                        The optional 4th argument specifies a timeout in seconds; it may be
                        a floating point number to specify fractions of seconds.  If it is absent
                        or None, the call will never time out.

                        The return value is a tuple of three lists corresponding to the first three
                        arguments; each contains the subset of the corresponding file descriptors
                        that are ready.

                        *** IMPORTANT NOTICE ***
                        On Windows, only sockets are supported; on Unix, all file
                        descriptors can be used."""),
                        new PythonFunction("select_", "select.poll() -> object", """
                                        Returns a polling object.

                                        This object supports registering and unregistering file descriptors, and then
                                        polling them for I/O events."""));
    }

    /** The builtins only the shim calls. */
    public static List<Builtin> internal() {
        return List.of(new PollFds("poll_fds(fds: [int], events: [int], timeout_ns: long) -> [int]", false),
                        new PollFds("select_fds(fds: [int], events: [int], timeout_ns: long) -> [int]", true),
                        new EpollCreate(), new EpollCtl(), new EpollWait());
    }

    /**
     * poll(2) on (fds[i], events[i]) for at most timeout_ns (negative: no limit): the revents of
     * every entry. select_fds is select(2) over it: fds up to FD_SETSIZE, and EBADF for a closed fd.
     */
    static final class PollFds extends Builtin {
        private final boolean select;

        PollFds(String declaration, boolean select) {
            super(declaration);
            this.select = select;
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int[] fds = args.integers("fds");
            int[] events = args.integers("events");
            long timeout = args.longInteger("timeout_ns");
            context.checkNativeAccess(select ? "select" : "poll");
            if (select) {
                for (int fd : fds) {
                    if (fd >= FD_SETSIZE) {
                        throw context.errors().valueError("filedescriptor out of range in select()");
                    }
                }
            }
            PollCall call = new PollCall(fds, events, InterruptibleBlocking.deadline(timeout));
            context.errors().checked(InterruptibleBlocking.run(call));
            if (select) {
                for (int revents : call.revents) {
                    if ((revents & SelectConstants.POLLNVAL) != 0) {
                        throw context.errors().osError(Errno.EBADF, null);
                    }
                }
            }
            return call.revents;
        }
    }

    private static final class PollCall extends InterruptibleBlocking.Call<Integer> {
        private final int[] fds;
        private final int[] events;
        private final long deadline;
        final int[] revents;

        PollCall(int[] fds, int[] events, long deadline) {
            this.fds = fds;
            this.events = events;
            this.deadline = deadline;
            this.revents = new int[fds.length];
        }

        @Override
        protected int[] fds() {
            return fds;
        }

        @Override
        protected Integer block(InterruptibleBlocking.Blocker blocker) throws InterruptedException {
            for (int i = 0; i < fds.length; i++) {
                blocker.set(i, fds[i], events[i]);
            }
            int rc = blocker.poll(fds.length, deadline);
            for (int i = 0; rc > 0 && i < fds.length; i++) {
                revents[i] = blocker.revents(i);
            }
            return rc;
        }
    }

    static final class EpollCreate extends Builtin {
        EpollCreate() {
            super("epoll_create(flags: int) -> int");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int flags = args.integer("flags");
            context.checkNativeAccess("epoll_create1");
            try (Arena arena = Arena.ofConfined()) {
                return context.errors().checked(EpollCalls.create1(Downcalls.allocateErrnoState(arena), flags));
            }
        }
    }

    /** epoll_ctl(epfd, op, fd, events) with the event's data the fd, as CPython's; op is 1 add, 2 delete, 3 modify. */
    static final class EpollCtl extends Builtin {
        EpollCtl() {
            super("epoll_ctl(epfd: int, op: int, fd: int, events: long) -> None");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int epfd = args.integer("epfd");
            int op = args.integer("op");
            int fd = args.integer("fd");
            int events = (int) (long) args.longInteger("events");
            context.checkNativeAccess("epoll_ctl");
            if (op != EPOLL_CTL_ADD && op != EPOLL_CTL_DEL && op != EPOLL_CTL_MOD) {
                throw context.errors().osError(Errno.EINVAL, null);
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment event = arena.allocate(EpollCalls.EVENT_SIZE, 8);
                event.set(JAVA_INT, 0, events);
                event.set(JAVA_INT, EpollCalls.DATA_OFFSET, fd);
                context.errors().checked(EpollCalls.ctl(Downcalls.allocateErrnoState(arena), epfd, op, fd, event));
                return null;
            }
        }
    }

    /** epoll_wait(epfd, maxevents (-1: FD_SETSIZE - 1), at most timeout_ns (negative: no limit)): fd, events, fd, events, ... */
    static final class EpollWait extends Builtin {
        EpollWait() {
            super("epoll_wait(epfd: int, maxevents: int, timeout_ns: long) -> [long]");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int epfd = args.integer("epfd");
            int maxEvents = args.integer("maxevents") == -1 ? FD_SETSIZE - 1 : args.integer("maxevents"); // CPython's "no limit"
            long timeout = args.longInteger("timeout_ns");
            context.checkNativeAccess("epoll_wait");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment events = arena.allocate(maxEvents * EpollCalls.EVENT_SIZE, 8);
                int count = context.errors().checked(InterruptibleBlocking.run(new EpollWaitCall(epfd, events, maxEvents, InterruptibleBlocking.deadline(timeout))));
                long[] out = new long[2 * count];
                for (int i = 0; i < count; i++) {
                    out[2 * i] = events.get(JAVA_INT, i * EpollCalls.EVENT_SIZE + EpollCalls.DATA_OFFSET);
                    out[2 * i + 1] = Integer.toUnsignedLong(events.get(JAVA_INT, i * EpollCalls.EVENT_SIZE));
                }
                return out;
            }
        }
    }

    /** Polls the epoll fd (readable while events are ready), then takes them without blocking. */
    private static final class EpollWaitCall extends InterruptibleBlocking.Call<Integer> {
        private final int epfd;
        private final MemorySegment events;
        private final int maxEvents;
        private final long deadline;

        EpollWaitCall(int epfd, MemorySegment events, int maxEvents, long deadline) {
            this.epfd = epfd;
            this.events = events;
            this.maxEvents = maxEvents;
            this.deadline = deadline;
        }

        @Override
        protected int[] fds() {
            return new int[]{epfd};
        }

        @Override
        protected Integer block(InterruptibleBlocking.Blocker blocker) throws InterruptedException {
            while (true) {
                blocker.set(0, epfd, FileCalls.POLLIN);
                int rc = blocker.poll(1, deadline);
                if (rc < 0) {
                    return rc;
                }
                int count = EpollCalls.await(blocker.errnoState(), epfd, events, maxEvents, 0);
                if (count != 0 || deadline != InterruptibleBlocking.FOREVER && System.nanoTime() - deadline >= 0) {
                    return count;
                }
            }
        }
    }
}
