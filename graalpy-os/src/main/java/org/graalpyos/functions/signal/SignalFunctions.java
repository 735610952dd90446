package org.graalpyos.functions.signal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.SystemCalls;
import org.graalpyos.signals.HeldSignals;

/**
 * The signal module's masks, pending sets, synchronous waits, thread-directed sends, descriptions,
 * pidfd sends and timers (CPython 3.12's _signal), which GraalPy lacks or fakes (its alarm and
 * setitimer raise SIGALRM from a Java thread, in that thread; its valid_signals stops at 31; its
 * raise_signal's handler runs later, not before it returns). Bodies: graalpy_os/signal_.py,
 * over the builtins below; masks cross as ints, signal n at bit n - 1 (docs/decisions.md D19).
 */
public final class SignalFunctions {
    private SignalFunctions() {
    }

    /** _signal's constants GraalPy lacks (SIGRTMIN and SIGRTMAX are the C library's at run time: the shim's). */
    public static final class Constants {
        private Constants() {
        }

        @CConstant public static final int SIGCLD = 17;
        @CConstant public static final int SIGIO = 29;
        @CConstant public static final int SIGIOT = 6;
        @CConstant public static final int SIG_BLOCK = 0;
        @CConstant public static final int SIG_UNBLOCK = 1;
        @CConstant public static final int SIG_SETMASK = 2;
    }

    private static final String SHIM = "signal_";

    public static List<PythonFunction> python() {
        return List.of(new PythonFunction(SHIM, "_signal.pthread_sigmask(how: int, mask: object, /) -> object",
                        "Fetch and/or change the signal mask of the calling thread."),
                        new PythonFunction(SHIM, "_signal.sigpending() -> object", """
                                        Examine pending signals.

                                        Returns a set of signal numbers that are pending for delivery to
                                        the calling thread."""),
                        new PythonFunction(SHIM, "_signal.sigwait(sigset: object, /) -> object", """
                                        Wait for a signal.

                                        Suspend execution of the calling thread until the delivery of one of the
                                        signals specified in the signal set sigset.  The function accepts the signal
                                        and returns the signal number."""),
                        new PythonFunction(SHIM, "_signal.sigwaitinfo(sigset: object, /) -> object", """
                                        Wait synchronously until one of the signals in *sigset* is delivered.

                                        Returns a struct_siginfo containing information about the signal."""),
                        new PythonFunction(SHIM, "_signal.sigtimedwait(sigset: object, timeout: object, /) -> object", """
                                        Like sigwaitinfo(), but with a timeout.

                                        The timeout is specified in seconds, with floating point numbers allowed."""),
                        new PythonFunction(SHIM, "_signal.pthread_kill(thread_id: object, signalnum: int, /) -> None", "Send a signal to a thread."),
                        new PythonFunction(SHIM, "_signal.pause() -> None", "Wait until a signal arrives."),
                        new PythonFunction(SHIM, "_signal.strsignal(signalnum: int, /) -> object", """
                                        Return the system description of the given signal.

                                        Returns the description of signal *signalnum*, such as "Interrupt"
                                        for :const:`SIGINT`. Returns :const:`None` if *signalnum* has no
                                        description. Raises :exc:`ValueError` if *signalnum* is invalid."""),
                        new PythonFunction(SHIM, "_signal.pidfd_send_signal(pidfd: int, signalnum: int, siginfo: object = None, flags: int = 0, /) -> None",
                                        "Send a signal to a process referred to by a pid file descriptor."),
                        new PythonFunction(SHIM, "_signal.alarm(seconds: int, /) -> int", "Arrange for SIGALRM to arrive after the given number of seconds."),
                        new PythonFunction(SHIM, "_signal.setitimer(which: int, seconds: object, interval: object(c_default='NULL') = 0.0, /) -> object", """
                                        Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).

                                        The timer will fire after value seconds and after that every interval seconds.
                                        The itimer can be cleared by setting seconds to zero.

                                        Returns old values as a tuple: (delay, interval)."""),
                        new PythonFunction(SHIM, "_signal.getitimer(which: int, /) -> object", "Returns current value of given itimer."),
                        new PythonFunction(SHIM, "_signal.raise_signal(signalnum: int, /) -> None", "Send a signal to the executing process."),
                        new PythonFunction(SHIM, "posix.kill(pid: pid_t, signal: Py_ssize_t, /) -> None", "Kill a process with a signal."),
                        new PythonFunction(SHIM, "_signal.valid_signals() -> object", """
                                        Return a set of valid signal numbers on this platform.

                                        The signal numbers returned by this function can be safely passed to
                                        functions like `pthread_sigmask`."""));
    }

    public static List<Builtin> internal() {
        return List.of(new Limits(), new Mask(), new Pending(), new Wait(), new Send(), new Pause(), new Description(), new PidfdSend(),
                        new Alarm(), new Itimer());
    }

    /** A call that needs native access under the function's Python name. */
    private abstract static class Call extends Builtin {
        private final String function;

        Call(String declaration, String function) {
            super(declaration);
            this.function = function;
        }

        @Override
        public final Object call(OsContext context, Arguments args) {
            context.checkNativeAccess(function);
            try {
                return call(args);
            } catch (NativeError e) {
                throw context.errors().osError(e.errno(), null);
            }
        }

        abstract Object call(Arguments args);
    }

    /** (SIGRTMIN, SIGRTMAX, the numbers below NSIG that sigaddset refuses: glibc's own real-time signals). */
    static final class Limits extends Call {
        Limits() {
            super("signal_limits() -> (int, int, [int])", "signal");
        }

        @Override
        Object call(Arguments args) {
            return new Object[]{SignalCalls.sigrtmin(), SignalCalls.sigrtmax(), SignalCalls.reservedSignals()};
        }
    }

    /** pthread_sigmask: (previous mask, signals whose Python handler the shim runs now). */
    static final class Mask extends Call {
        Mask() {
            super("signal_mask(how: int, mask: long) -> (long, long)", "pthread_sigmask");
        }

        @Override
        Object call(Arguments args) {
            long[] result = HeldSignals.mask(args.integer("how"), args.longInteger("mask"));
            return new Object[]{result[0], result[1]};
        }
    }

    static final class Pending extends Call {
        Pending() {
            super("signal_pending() -> long", "sigpending");
        }

        @Override
        Object call(Arguments args) {
            return HeldSignals.pending();
        }
    }

    /** sigwait/sigwaitinfo/sigtimedwait (timeout in ns, -1: none): the siginfo fields, si_signo 0 on timeout. */
    static final class Wait extends Call {
        Wait() {
            super("signal_wait(sigset: long, timeout: long) -> (int, int, int, int, long, int, long)", "sigwait");
        }

        @Override
        Object call(Arguments args) {
            long[] info = HeldSignals.await(args.longInteger("sigset"), args.longInteger("timeout"));
            return new Object[]{(int) info[0], (int) info[1], (int) info[2], (int) info[3], info[4], (int) info[5], info[6]};
        }
    }

    /**
     * pthread_kill (tgkill to a kernel thread id) or os.kill (kill(2) to a process): the signals
     * whose Python handler the shim runs now (the main thread's signal to itself or its process).
     */
    static final class Send extends Call {
        Send() {
            super("signal_send(target: int, signalnum: int, thread: bool) -> long", "kill");
        }

        @Override
        Object call(Arguments args) {
            int target = args.integer("target");
            int signal = args.integer("signalnum");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
                int pid = ProcessCalls.getpid(errnoState);
                if (args.bool("thread")) {
                    HeldSignals.Expectation expectation = target == SystemCalls.gettid() ? HeldSignals.sending(signal) : null;
                    return HeldSignals.sent(expectation, SignalCalls.tgkill(errnoState, pid, target, signal));
                }
                HeldSignals.Expectation expectation = target == pid ? HeldSignals.sending(signal) : null;
                return HeldSignals.sent(expectation, ProcessCalls.kill(errnoState, target, signal));
            }
        }
    }

    static final class Pause extends Call {
        Pause() {
            super("signal_pause() -> long", "pause");
        }

        @Override
        Object call(Arguments args) {
            return HeldSignals.pause();
        }
    }

    /** strsignal(3), None where glibc has no description ("Unknown signal N"), as CPython. */
    static final class Description extends Call {
        Description() {
            super("signal_description(signalnum: int) -> str?", "strsignal");
        }

        @Override
        Object call(Arguments args) {
            String description = SignalCalls.strsignal(args.integer("signalnum"));
            return description.contains("Unknown signal") ? null : description;
        }
    }

    /** pidfd_send_signal(2); to_self: the pidfd is this process's (the shim's check), whose handler runs before the call returns. */
    static final class PidfdSend extends Call {
        PidfdSend() {
            super("signal_pidfd_send(pidfd: int, signalnum: int, flags: int, to_self: bool) -> long", "pidfd_send_signal");
        }

        @Override
        Object call(Arguments args) {
            int signal = args.integer("signalnum");
            try (Arena arena = Arena.ofConfined()) {
                HeldSignals.Expectation expectation = args.bool("to_self") ? HeldSignals.sending(signal) : null;
                return HeldSignals.sent(expectation,
                                SignalCalls.pidfdSendSignal(Downcalls.allocateErrnoState(arena), args.integer("pidfd"), signal, args.integer("flags")));
            }
        }
    }

    static final class Alarm extends Call {
        Alarm() {
            super("signal_alarm(seconds: int) -> long", "alarm");
        }

        @Override
        Object call(Arguments args) {
            return SignalCalls.alarm(args.integer("seconds"));
        }
    }

    /**
     * setitimer(2) (set) or getitimer(2): the timer's previous (value, interval) in microseconds;
     * an error is -errno in the first item (the shim raises ItimerError, an OSError of its own).
     */
    static final class Itimer extends Call {
        Itimer() {
            super("signal_itimer(which: int, value: long, interval: long, set: bool) -> (long, long)", "setitimer");
        }

        @Override
        Object call(Arguments args) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
                MemorySegment old = arena.allocate(SignalCalls.ITIMERVAL_SIZE, 8);
                int which = args.integer("which");
                int rc;
                if (args.bool("set")) {
                    MemorySegment value = arena.allocate(SignalCalls.ITIMERVAL_SIZE, 8);
                    timeval(value, 0, args.longInteger("interval"));
                    timeval(value, 16, args.longInteger("value"));
                    rc = SignalCalls.setitimer(errnoState, which, value, old);
                } else {
                    rc = SignalCalls.getitimer(errnoState, which, old);
                }
                if (rc < 0) {
                    return new Object[]{(long) rc, 0L};
                }
                return new Object[]{microseconds(old, 16), microseconds(old, 0)};
            }
        }

        /** struct itimerval is {it_interval, it_value}, each a struct timeval {tv_sec, tv_usec}. */
        private static void timeval(MemorySegment itimerval, long offset, long micros) {
            itimerval.set(JAVA_LONG, offset, Math.floorDiv(micros, 1_000_000L));
            itimerval.set(JAVA_LONG, offset + 8, Math.floorMod(micros, 1_000_000L));
        }

        private static long microseconds(MemorySegment itimerval, long offset) {
            return itimerval.get(JAVA_LONG, offset) * 1_000_000L + itimerval.get(JAVA_LONG, offset + 8);
        }
    }
}
