package org.graalpyos.nativeapi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** Waiting for children: wait4, waitid, and what wakes a blocked wait (a pidfd, an eventfd). */
public final class WaitCalls {
    private WaitCalls() {
    }

    @CConstant("sizeof(siginfo_t)") public static final long SIGINFO_SIZE = 128;
    @CConstant("sizeof(struct rusage)") public static final long RUSAGE_SIZE = 144;
    @CConstant private static final int EFD_NONBLOCK = 0x800;

    private static final class Wait {
        static final MethodHandle WAIT4 = downcall("wait4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle WAITID = downcall("waitid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    }

    /** Only for blocking waits of Python code. */
    private static final class WakeUp {
        static final MethodHandle EVENTFD = downcall("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        /** glibc 2.36+; without it, waits on one child poll on a timer like the others. */
        static final MethodHandle PIDFD_OPEN = Downcalls.downcallIfPresent("pidfd_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
                        CAPTURE_ERRNO);
    }

    /** wait4(2): the pid (0: none ready with WNOHANG) or -errno. */
    public static int wait4(MemorySegment errnoState, int pid, MemorySegment status, int options, MemorySegment rusage) {
        return Downcalls.call(Wait.WAIT4, errnoState, pid, status, options, rusage);
    }

    /** waitid(2): 0 or -errno. */
    public static int waitid(MemorySegment errnoState, int idtype, int id, MemorySegment siginfo, int options) {
        return Downcalls.call(Wait.WAITID, errnoState, idtype, id, siginfo, options);
    }

    /** eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK): the fd or -errno. */
    public static int eventfd(MemorySegment errnoState) {
        return Downcalls.call(WakeUp.EVENTFD, errnoState, 0, FileCalls.O_CLOEXEC | EFD_NONBLOCK);
    }

    /** pidfd_open(pid, 0) (close-on-exec): the fd or -errno; -ENOSYS where libc lacks it. */
    public static int pidfdOpen(MemorySegment errnoState, int pid) {
        return WakeUp.PIDFD_OPEN == null ? -Errno.ENOSYS : Downcalls.call(WakeUp.PIDFD_OPEN, errnoState, pid, 0);
    }
}
