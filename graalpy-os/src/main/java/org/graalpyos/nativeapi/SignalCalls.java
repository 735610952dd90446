package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** Signals: dispositions, masks and sets, raise, and the semaphore the JVM's signal handler posts. */
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
}
