package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.NativeCall;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.SystemCalls;

/**
 * os's priorities and scheduling policies, a terminal's process group, getrandom. glibc's
 * getpriority, setpriority and nice act on the calling thread when {@code who} is 0 (Linux's
 * threads are tasks): in a JVM that is the Python thread that calls, not the JVM's other threads.
 */
public final class Scheduling {
    private Scheduling() {
    }

    /** PRIO_*, GRND_* and SCHED_* of os. */
    public static final class Constants {
        private Constants() {
        }

        @CConstant public static final int PRIO_PROCESS = 0;
        @CConstant public static final int PRIO_PGRP = 1;
        @CConstant public static final int PRIO_USER = 2;
        @CConstant public static final int GRND_NONBLOCK = 1;
        @CConstant public static final int GRND_RANDOM = 2;
        @CConstant public static final int SCHED_OTHER = 0;
        @CConstant public static final int SCHED_FIFO = 1;
        @CConstant public static final int SCHED_RR = 2;
        @CConstant public static final int SCHED_BATCH = 3;
        @CConstant public static final int SCHED_IDLE = 5;
        @CConstant public static final int SCHED_RESET_ON_FORK = 0x40000000;
    }

    /** os.sched_getparam: graalpy_os/sched.py is its body (it makes the sched_param), over sched_priority. */
    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("sched", "posix.sched_getparam(pid: pid_t, /) -> object", """
                        Returns scheduling parameters for the process identified by pid.

                        If pid is 0, returns parameters for the calling process.
                        Return value is an instance of sched_param."""));
    }

    public static List<Builtin> all() {
        return List.of(new GetPriority(), new SetPriority(), new Nice(), new SchedYield(),
                        new SchedPriorityLimit("posix.sched_get_priority_min(policy: int) -> int", "Get the minimum scheduling priority for policy.", true),
                        new SchedPriorityLimit("posix.sched_get_priority_max(policy: int) -> int", "Get the maximum scheduling priority for policy.", false),
                        new SchedGetscheduler(), new Tcgetpgrp(), new Tcsetpgrp(), new GetRandom());
    }

    /** The builtins only the shims call. */
    public static List<Builtin> internal() {
        return List.of(new SchedPriority());
    }

    static final class GetPriority extends NativeCall {
        GetPriority() {
            super("posix.getpriority(which: int, who: int) -> int", "Return program scheduling priority.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int priority = ProcessCalls.getpriority(errnoState, args.integer("which"), args.integer("who"));
            int errno = Downcalls.capturedErrno(errnoState);
            if (errno != 0) {
                throw context.errors().osError(errno, null);
            }
            return priority;
        }
    }

    static final class SetPriority extends NativeCall {
        SetPriority() {
            super("posix.setpriority(which: int, who: int, priority: int) -> None", "Set program scheduling priority.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.setpriority(errnoState, args.integer("which"), args.integer("who"), args.integer("priority")));
            return null;
        }
    }

    static final class Nice extends NativeCall {
        Nice() {
            super("posix.nice(increment: int, /) -> int", "Add increment to the priority of process and return the new priority.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            int value = ProcessCalls.nice(errnoState, args.integer("increment"));
            int errno = Downcalls.capturedErrno(errnoState);
            if (value == -1 && errno != 0) {
                throw context.errors().osError(errno, null);
            }
            return value;
        }
    }

    static final class SchedYield extends NativeCall {
        SchedYield() {
            super("posix.sched_yield() -> None", "Voluntarily relinquish the CPU.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.schedYield(errnoState));
            return null;
        }
    }

    static final class SchedPriorityLimit extends NativeCall {
        private final boolean lowest;

        SchedPriorityLimit(String declaration, String doc, boolean lowest) {
            super(declaration, doc);
            this.lowest = lowest;
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return context.errors().checked(ProcessCalls.schedPriorityLimit(errnoState, lowest, args.integer("policy")));
        }
    }

    static final class SchedGetscheduler extends NativeCall {
        SchedGetscheduler() {
            super("posix.sched_getscheduler(pid: pid_t, /) -> int", """
                            Get the scheduling policy for the process identified by pid.

                            Passing 0 for pid returns the scheduling policy for the calling process.""");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return context.errors().checked(ProcessCalls.schedGetscheduler(errnoState, args.integer("pid")));
        }
    }

    /** sched_priority(pid): sched_getparam(2)'s priority, for os.sched_getparam (a builtin only the shim calls). */
    static final class SchedPriority extends Builtin {
        SchedPriority() {
            super("sched_priority(pid: pid_t) -> int");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("sched_getparam");
            try (Arena arena = Arena.ofConfined()) {
                return context.errors().checked(ProcessCalls.schedPriority(Downcalls.allocateErrnoState(arena), arena, args.integer("pid")));
            }
        }
    }

    static final class Tcgetpgrp extends NativeCall {
        Tcgetpgrp() {
            super("posix.tcgetpgrp(fd: int, /) -> pid_t", "Return the process group associated with the terminal specified by fd.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return context.errors().checked(ProcessCalls.tcgetpgrp(errnoState, args.integer("fd")));
        }
    }

    static final class Tcsetpgrp extends NativeCall {
        Tcsetpgrp() {
            super("posix.tcsetpgrp(fd: int, pgid: pid_t, /) -> None", "Set the process group associated with the terminal specified by fd.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(ProcessCalls.tcsetpgrp(errnoState, args.integer("fd"), args.integer("pgid")));
            return null;
        }
    }

    /** getrandom: CPython's EINVAL for a negative size, EINTR retried, the bytes it gave (maybe fewer). */
    static final class GetRandom extends NativeCall {
        GetRandom() {
            super("posix.getrandom(size: Py_ssize_t, flags: int = 0) -> bytes", "Obtain a series of random bytes.");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            long size = args.longInteger("size");
            if (size < 0) {
                throw context.errors().osError(Errno.EINVAL, null);
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw context.errors().memoryError();
            }
            MemorySegment buffer = arena.allocate(Math.max(size, 1)).asSlice(0, size);
            long count;
            do {
                count = SystemCalls.getrandom(errnoState, buffer, args.integer("flags"));
            } while (count == -Errno.EINTR);
            if (count < 0) {
                throw context.errors().osError((int) -count, null);
            }
            return buffer.asSlice(0, count).toArray(JAVA_BYTE);
        }
    }
}
