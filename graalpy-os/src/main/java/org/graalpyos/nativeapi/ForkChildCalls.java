package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.CRITICAL;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/**
 * The calls a forked JVM child makes, linked in the parent before it forks: linking a call site,
 * creating a downcall handle or initialising a holder class in the child could block forever on a
 * JVM lock a thread that does not exist in the child held at fork (CodeCache_lock, seen). Each
 * link method initialises the holders the child uses and calls every {@link Downcalls} helper of
 * the child's shapes once, with calls that change nothing.
 */
public final class ForkChildCalls {
    private ForkChildCalls() {
    }

    /** write and nanosleep without a Java thread-state transition: the fork protocol's child and watchdog, while a safepoint may be armed. */
    private static final class Critical {
        static final MethodHandle WRITE = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CRITICAL, CAPTURE_ERRNO);
        static final MethodHandle NANOSLEEP = downcall("nanosleep", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL, CAPTURE_ERRNO);
    }

    /** write(2) without a thread-state transition: the byte count or -errno. */
    public static long writeCritical(MemorySegment errnoState, int fd, MemorySegment buffer, long count) {
        return Downcalls.callSize(Critical.WRITE, errnoState, fd, buffer, count);
    }

    /** nanosleep(2) without a thread-state transition (the watchdog's tick): 0 or -errno. */
    public static int sleepCritical(MemorySegment errnoState, MemorySegment timespec) {
        return Downcalls.call(Critical.NANOSLEEP, errnoState, timespec, MemorySegment.NULL);
    }

    private static volatile boolean forkChildCallsLinked;

    /**
     * In a parent about to fork (os.fork, subprocess_fork): every call of the fork protocol's child
     * up to its self-check and recovery (handshake writes, _exit, the watchdog's sleep, closing the
     * pipe, reopening jar fds, SIGQUIT's reset, the signal relay), and exec, login_tty and _exit,
     * which a child that runs Python usually makes next, and fcntl, lockf and close_range. The listing of /proc/self/fd for the jar
     * fds is linked by JarFds' dry run.
     */
    public static synchronized void linkForkChildCalls() {
        if (forkChildCallsLinked) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment empty = arena.allocate(16, 8); // "", a zero timespec, an empty write
            writeCritical(errnoState, -1, empty, 0); // (int, pointer, size_t): write, read
            FileCalls.write(errnoState, -1, empty, 0);
            sleepCritical(errnoState, empty); // (pointer, pointer)
            Downcalls.callPlainVoid(ProcessCalls.Exit.SRAND, 1); // _exit's shape
            FileCalls.close(errnoState, -1); // (int): close, raise, login_tty
            FileCalls.openReadOnly(errnoState, empty); // (pointer, int)
            FileCalls.dup3(errnoState, -1, -1, 0); // (int, int, int)
            // fcntl.fcntl, os.lockf and os.closerange, common in a forked child (before exec or daemonising)
            FileCalls.fcntl(errnoState, -1, F_GETFD, 0); // EBADF
            FileCalls.fcntl(errnoState, -1, F_GETLK, new byte[8], empty); // (int, int, pointer), the copies: EBADF
            FileCalls.lockf(errnoState, -1, F_TEST, 0L); // (int, int, long): EBADF
            FileCalls.closeRangeExcept(errnoState, 1, 0, new int[0]); // nothing
            FileCalls.closeRange(errnoState, 1, 0); // EINVAL
            FileCalls.openMax();
            // what a blocking call of Python code makes (blocking/InterruptibleBlocking: os.wait*, select, poll, epoll)
            FileCalls.close(errnoState, WaitCalls.eventfd(errnoState));
            FileCalls.poll(errnoState, empty, 0, 0); // (pointer, long, int): no fds, no wait
            EpollCalls.create1(errnoState, -1); // EINVAL
            EpollCalls.ctl(errnoState, -1, 0, -1, empty); // (int, int, int, pointer): EBADF
            EpollCalls.await(errnoState, -1, empty, 1, 0); // (int, pointer, int, int): EBADF
            MemorySegment old = arena.allocate(SignalCalls.SIGACTION_SIZE, 8);
            SignalCalls.sigaction(errnoState, Signals.SIGQUIT, MemorySegment.NULL, old); // (int, pointer, pointer): also fexecve
            SignalCalls.pthreadSigmask(Signals.SIG_BLOCK, MemorySegment.NULL, old);
            SignalCalls.sigemptyset(errnoState, old); // (pointer): sem_wait
            MemorySegment strings = CStrings.array(arena, List.of());
            ProcessCalls.execve(errnoState, -1, empty, strings, strings); // ENOENT
        }
        forkChildCallsLinked = true;
    }

    private static volatile boolean subprocessChildCallsLinked;

    /**
     * In a parent about to fork for subprocess: the calls of CPython's child_exec before exec
     * (ChildSetup: fcntl, close, dup2, chdir, umask, sigaction, setsid, setpgid, setgroups,
     * setregid, setreuid; ChildExec's close_range or sysconf and close), and the prlimit of a
     * preexec_fn's resource.setrlimit.
     */
    public static synchronized void linkSubprocessChildCalls() {
        if (subprocessChildCallsLinked) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            Downcalls.call(ProcessCalls.Credentials.GETPID, errnoState); // (): setsid
            FileCalls.close(errnoState, -1); // (int): close, umask
            FileCalls.dup2(errnoState, -1, -1); // (int, int): dup2, setpgid, setregid, setreuid
            FileCalls.fcntl(errnoState, -1, FileCalls.F_GETFD, 0); // (int, int, int): fcntl, close_range
            FileCalls.closeRange(errnoState, 1, 0); // EINVAL
            FileCalls.openMax();
            FileCalls.chdir(errnoState, arena.allocate(1)); // (pointer); "": ENOENT
            SignalCalls.sigaction(errnoState, Signals.SIGPIPE, MemorySegment.NULL, arena.allocate(SignalCalls.SIGACTION_SIZE, 8));
            Downcalls.call(ProcessCalls.Credentials.GETGROUPS, errnoState, 0L, MemorySegment.NULL); // (long, pointer): setgroups
            ProcessCalls.prlimit(errnoState, 0, RLIMIT_NOFILE, MemorySegment.NULL, arena.allocate(ProcessCalls.RLIMIT_SIZE, 8));
            ProcessCalls.environ();
        }
        subprocessChildCallsLinked = true;
    }

    @CConstant private static final int RLIMIT_NOFILE = 7;
    @CConstant private static final int F_GETFD = 1;
    @CConstant private static final int F_GETLK = 5;
    @CConstant private static final int F_TEST = 3;
}
