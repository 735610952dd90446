package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.NativeCall;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * os's CPU affinity, the round-robin quantum, setting scheduling parameters and policies, times,
 * pidfd_open, unshare and setns, as CPython 3.12's posixmodule. The functions that make a set, a
 * float, a sched_param or a times_result have Python bodies (graalpy_os/sched.py, times_.py) over
 * the builtins only they call. sched_setaffinity acts on the calling thread when pid is 0 (Linux's
 * threads are tasks), as CPython's.
 */
public final class ProcessControl {
    private ProcessControl() {
    }

    /** CPython's first CPU set: as many CPUs as an unsigned long has bits, doubled while the kernel's is larger. */
    private static final int NCPUS_START = 64;

    public static List<Builtin> all() {
        return List.of(new PidfdOpen(), new Unshare(), new Setns());
    }

    public static List<PythonFunction> python() {
        return List.of(
                        new PythonFunction("sched", "posix.sched_getaffinity(pid: pid_t, /) -> object", """
                                        Return the affinity of the process identified by pid (or the current process if zero).

                                        The affinity is returned as a set of CPU identifiers."""),
                        new PythonFunction("sched", "posix.sched_setaffinity(pid: pid_t, mask: object, /) -> object", """
                                        Set the CPU affinity of the process identified by pid to mask.

                                        mask should be an iterable of integers identifying CPUs."""),
                        new PythonFunction("sched", "posix.sched_rr_get_interval(pid: pid_t, /) -> object", """
                                        Return the round-robin quantum for the process identified by pid, in seconds.

                                        Value returned is a float."""),
                        new PythonFunction("sched", "posix.sched_setparam(pid: pid_t, param: object, /) -> object", """
                                        Set scheduling parameters for the process identified by pid.

                                        If pid is 0, sets parameters for the calling process.
                                        param should be an instance of sched_param."""),
                        new PythonFunction("sched", "posix.sched_setscheduler(pid: pid_t, policy: int, param: object, /) -> object", """
                                        Set the scheduling policy for the process identified by pid.

                                        If pid is 0, the calling process is changed.
                                        param is an instance of sched_param."""),
                        new PythonFunction("times_", "posix.times() -> object", """
                                        Return a collection containing process timing information.

                                        The object returned behaves like a named tuple with these fields:
                                          (utime, stime, cutime, cstime, elapsed_time)
                                        All fields are floating point numbers."""));
    }

    /** The builtins only the shims call. */
    public static List<Builtin> internal() {
        return List.of(new GetAffinity(), new SetAffinity(), new RrInterval(), new SetParam(), new SetScheduler(), new Times());
    }

    static final class PidfdOpen extends NativeCall {
        PidfdOpen() {
            super("posix.pidfd_open(pid: pid_t, flags: unsigned_int = 0) -> int", """
                            Return a file descriptor referring to the process *pid*.

                            The descriptor can be used to perform process management without races and
                            signals.""", null);
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return context.errors().checked(ProcessCalls.pidfdOpen(errnoState, args.integer("pid"), args.integer("flags")));
        }
    }

    static final class Unshare extends NativeCall {
        Unshare() {
            super("posix.unshare(flags: int) -> None", """
                            Disassociate parts of a process (or thread) execution context.

                              flags
                                Namespaces to be unshared.""", null);
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.unshare(errnoState, args.integer("flags")));
            return null;
        }
    }

    static final class Setns extends NativeCall {
        Setns() {
            super("posix.setns(fd: fildes, nstype: int = 0) -> None", """
                            Move the calling thread into different namespaces.

                              fd
                                A file descriptor to a namespace.
                              nstype
                                Type of namespace.""", null);
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.setns(errnoState, args.integer("fd"), args.integer("nstype")));
            return null;
        }
    }

    /** The CPUs of the affinity mask, the set grown (doubled) while the kernel's is larger (EINVAL), as CPython's. */
    static final class GetAffinity extends NativeCall {
        GetAffinity() {
            super("sched_affinity(pid: pid_t) -> [int]", null, "sched_getaffinity");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int pid = args.integer("pid");
            for (int ncpus = NCPUS_START;; ncpus *= 2) {
                MemorySegment mask = arena.allocate(cpuSetSize(ncpus), 8);
                int rc = ProcessCalls.schedGetaffinity(errnoState, pid, mask);
                if (rc == 0) {
                    return cpus(mask);
                }
                if (rc != -Errno.EINVAL) {
                    throw context.errors().osError(-rc, null);
                }
                if (ncpus > Integer.MAX_VALUE / 2) {
                    throw context.errors().overflowError("could not allocate a large enough CPU set");
                }
            }
        }

        private static int[] cpus(MemorySegment mask) {
            int count = 0;
            for (long i = 0; i < mask.byteSize(); i++) {
                count += Integer.bitCount(mask.get(JAVA_BYTE, i) & 0xFF);
            }
            int[] cpus = new int[count];
            int next = 0;
            for (long i = 0; i < mask.byteSize(); i++) {
                int bits = mask.get(JAVA_BYTE, i) & 0xFF;
                for (int bit = 0; bit < 8; bit++) {
                    if ((bits & (1 << bit)) != 0) {
                        cpus[next++] = (int) (i * 8 + bit);
                    }
                }
            }
            return cpus;
        }
    }

    /** CPU_ALLOC_SIZE: whole unsigned longs. */
    static long cpuSetSize(long ncpus) {
        return (ncpus + 63) / 64 * 8;
    }

    /** sched_setaffinity of the CPUs (each 0 to INT_MAX - 1, checked by the shim), in a set as large as CPython's would be. */
    static final class SetAffinity extends NativeCall {
        SetAffinity() {
            super("sched_set_affinity(pid: pid_t, cpus: [int]) -> None", null, "sched_setaffinity");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int[] cpus = args.integers("cpus");
            long ncpus = NCPUS_START;
            for (int cpu : cpus) {
                while (ncpus <= cpu) {
                    ncpus = ncpus > Integer.MAX_VALUE / 2 ? cpu + 1L : ncpus * 2;
                }
            }
            MemorySegment mask = arena.allocate(cpuSetSize(ncpus), 8);
            for (int cpu : cpus) {
                long at = cpu / 8;
                mask.set(JAVA_BYTE, at, (byte) (mask.get(JAVA_BYTE, at) | (1 << (cpu % 8))));
            }
            context.errors().checked(ProcessCalls.schedSetaffinity(errnoState, args.integer("pid"), mask));
            return null;
        }
    }

    /** sched_rr_get_interval: (seconds, nanoseconds). */
    static final class RrInterval extends NativeCall {
        RrInterval() {
            super("sched_rr_interval(pid: pid_t) -> (long, long)", null, "sched_rr_get_interval");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment interval = arena.allocate(ProcessCalls.TIMESPEC_SIZE, 8);
            context.errors().checked(ProcessCalls.schedRrGetInterval(errnoState, args.integer("pid"), interval));
            return new long[]{interval.get(JAVA_LONG, 0), interval.get(JAVA_LONG, 8)};
        }
    }

    static final class SetParam extends NativeCall {
        SetParam() {
            super("sched_set_param(pid: pid_t, priority: int) -> None", null, "sched_setparam");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.schedSetparam(errnoState, arena, args.integer("pid"), args.integer("priority")));
            return null;
        }
    }

    static final class SetScheduler extends NativeCall {
        SetScheduler() {
            super("sched_set_scheduler(pid: pid_t, policy: int, priority: int) -> None", null, "sched_setscheduler");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.schedSetscheduler(errnoState, arena, args.integer("pid"), args.integer("policy"), args.integer("priority")));
            return null;
        }
    }

    /** times(2): user, system, children's user and system, elapsed, in clock ticks, and the ticks per second. */
    static final class Times extends NativeCall {
        Times() {
            super("process_times() -> (long, long, long, long, long, long)", null, "times");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            MemorySegment tms = arena.allocate(ProcessCalls.TMS_SIZE, 8);
            long elapsed = ProcessCalls.times(errnoState, tms);
            if (elapsed < 0) {
                throw context.errors().osError((int) -elapsed, null);
            }
            return new long[]{tms.get(JAVA_LONG, 0), tms.get(JAVA_LONG, 8), tms.get(JAVA_LONG, 16), tms.get(JAVA_LONG, 24), elapsed, ProcessCalls.clockTicks()};
        }
    }
}
