package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/**
 * Signals: dispositions, masks and sets, raise, the semaphore the JVM's signal handler posts, and
 * what the signal module adds (pending sets, synchronous waits, thread-directed sends, timers).
 */
public final class SignalCalls {
    private SignalCalls() {
    }

    @CConstant("sizeof(sigset_t)") public static final long SIGSET_SIZE = 128;
    /** All zero is SIG_DFL, no flags, empty mask. */
    @CConstant("sizeof(struct sigaction)") public static final long SIGACTION_SIZE = 152;

    /** One holder: a forked child's signal relay and SIGQUIT reset use most of these. */
    static final class Handles {
        static final MethodHandle SIGACTION = downcall("sigaction", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle PTHREAD_SIGMASK = downcall("pthread_sigmask", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SIGEMPTYSET = downcall("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SIGADDSET = downcall("sigaddset", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SIGDELSET = downcall("sigdelset", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle RAISE = downcall("raise", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SEM_WAIT = downcall("sem_wait", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
    }

    /** signal's functions (functions/signal): only a program that uses them links these. */
    static final class Module {
        static final MethodHandle SIGPENDING = downcall("sigpending", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SIGTIMEDWAIT = downcall("sigtimedwait", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SIGNALFD = downcall("signalfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle TGKILL = downcall("tgkill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle STRSIGNAL = downcall("strsignal", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        static final MethodHandle SIGRTMIN = downcall("__libc_current_sigrtmin", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle SIGRTMAX = downcall("__libc_current_sigrtmax", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle ALARM = downcall("alarm", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle SETITIMER = downcall("setitimer", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle GETITIMER = downcall("getitimer", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle PIDFD_SEND_SIGNAL = Downcalls.downcallIfPresent("pidfd_send_signal",
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    }

    @CConstant("sizeof(struct itimerval)") public static final long ITIMERVAL_SIZE = 32;
    @CConstant("SFD_CLOEXEC | SFD_NONBLOCK") private static final int SFD_FLAGS = 0x80800;

    /** sigaction(2) with {@code action} (or NULL) and {@code old} (or NULL): 0 or -errno. */
    public static int sigaction(MemorySegment errnoState, int signal, MemorySegment action, MemorySegment old) {
        return Downcalls.call(Handles.SIGACTION, errnoState, signal, action, old);
    }

    /** pthread_sigmask(3): 0 or -error; {@code set} may be NULL to read the mask into {@code old}. */
    public static int pthreadSigmask(int how, MemorySegment set, MemorySegment old) {
        return Downcalls.callReturningError(Handles.PTHREAD_SIGMASK, how, set, old);
    }

    /** sigemptyset(3): 0 or -errno. */
    public static int sigemptyset(MemorySegment errnoState, MemorySegment set) {
        return Downcalls.call(Handles.SIGEMPTYSET, errnoState, set);
    }

    /** sigaddset(3): 0, or -EINVAL when glibc rejects the number (reserved real-time signals). */
    public static int sigaddset(MemorySegment errnoState, MemorySegment set, int signal) {
        return Downcalls.call(Handles.SIGADDSET, errnoState, set, signal);
    }

    /** sigdelset(3): 0 or -errno. */
    public static int sigdelset(MemorySegment errnoState, MemorySegment set, int signal) {
        return Downcalls.call(Handles.SIGDELSET, errnoState, set, signal);
    }

    /** raise(3): sends the signal to the calling thread; 0 or -errno. */
    public static int raise(MemorySegment errnoState, int signal) {
        return Downcalls.call(Handles.RAISE, errnoState, signal);
    }

    /** sem_wait(3): 0, or -errno (EINTR when a signal interrupted the wait). */
    public static int semWait(MemorySegment errnoState, MemorySegment semaphore) {
        return Downcalls.call(Handles.SEM_WAIT, errnoState, semaphore);
    }

    /** Signal numbers in [1, NSIG) that sigaddset(3) rejects (glibc keeps some for itself). */
    public static int[] reservedSignals() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate(SIGSET_SIZE, 8);
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            sigemptyset(errnoState, set);
            int[] reserved = new int[Signals.NSIG];
            int count = 0;
            for (int signal = 1; signal < Signals.NSIG; signal++) {
                if (sigaddset(errnoState, set, signal) < 0) {
                    reserved[count++] = signal;
                }
            }
            return java.util.Arrays.copyOf(reserved, count);
        }
    }

    /** sigpending(2) into {@code set}: 0 or -errno. */
    public static int sigpending(MemorySegment errnoState, MemorySegment set) {
        return Downcalls.call(Module.SIGPENDING, errnoState, set);
    }

    /** sigtimedwait(2): the signal number, or -errno (EAGAIN: none pending within {@code timeout}). */
    public static int sigtimedwait(MemorySegment errnoState, MemorySegment set, MemorySegment info, MemorySegment timeout) {
        return Downcalls.call(Module.SIGTIMEDWAIT, errnoState, set, info, timeout);
    }

    /** signalfd(2), a new non-blocking close-on-exec fd readable while a signal of {@code set} is pending: the fd or -errno. */
    public static int signalfd(MemorySegment errnoState, MemorySegment set) {
        return Downcalls.call(Module.SIGNALFD, errnoState, -1, set, SFD_FLAGS);
    }

    /** tgkill(2): sends {@code signal} to thread {@code tid} of process {@code pid}; 0 or -errno. */
    public static int tgkill(MemorySegment errnoState, int pid, int tid, int signal) {
        return Downcalls.call(Module.TGKILL, errnoState, pid, tid, signal);
    }

    /** strsignal(3): the C library's description ("Unknown signal 32" for a number it has none for). */
    public static String strsignal(int signal) {
        return Downcalls.callPlainPointer(Module.STRSIGNAL, signal).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** SIGRTMIN as the C library reports it at run time (it keeps the lowest real-time signals for itself). */
    public static int sigrtmin() {
        return Downcalls.callPlain(Module.SIGRTMIN);
    }

    /** SIGRTMAX at run time. */
    public static int sigrtmax() {
        return Downcalls.callPlain(Module.SIGRTMAX);
    }

    /** alarm(2): the seconds left of the previous alarm (unsigned). */
    public static long alarm(int seconds) {
        return Integer.toUnsignedLong(Downcalls.callPlain(Module.ALARM, seconds));
    }

    /** setitimer(2): 0 or -errno. */
    public static int setitimer(MemorySegment errnoState, int which, MemorySegment value, MemorySegment old) {
        return Downcalls.call(Module.SETITIMER, errnoState, which, value, old);
    }

    /** getitimer(2): 0 or -errno. */
    public static int getitimer(MemorySegment errnoState, int which, MemorySegment value) {
        return Downcalls.call(Module.GETITIMER, errnoState, which, value);
    }

    /** pidfd_send_signal(2) without a siginfo: 0 or -errno (-ENOSYS without the C library's wrapper). */
    public static int pidfdSendSignal(MemorySegment errnoState, int pidfd, int signal, int flags) {
        if (Module.PIDFD_SEND_SIGNAL == null) {
            return -Errno.ENOSYS;
        }
        return Downcalls.call(Module.PIDFD_SEND_SIGNAL, errnoState, pidfd, signal, MemorySegment.NULL, flags);
    }
}
