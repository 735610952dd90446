package org.graalpyos.functions.time;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CConstant;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SystemCalls;

/**
 * time's clock_* functions over clock_gettime(2), clock_getres(2) and clock_settime(2), which GraalPy
 * 25.0.1's time lacks. CPython 3.12 parses their arguments with PyArg_ParseTuple (no text
 * signature): graalpy_os/time_.py is their body, over the builtins below.
 */
public final class Clocks {
    private Clocks() {
    }

    /** time's CLOCK_* (&lt;time.h&gt;). */
    public static final class Constants {
        private Constants() {
        }

        @CConstant public static final int CLOCK_REALTIME = 0;
        @CConstant public static final int CLOCK_MONOTONIC = 1;
        @CConstant public static final int CLOCK_PROCESS_CPUTIME_ID = 2;
        @CConstant public static final int CLOCK_THREAD_CPUTIME_ID = 3;
        @CConstant public static final int CLOCK_MONOTONIC_RAW = 4;
        @CConstant public static final int CLOCK_BOOTTIME = 7;
        @CConstant public static final int CLOCK_TAI = 11;
    }

    public static List<Builtin> internal() {
        return List.of(new ClockTime(), new ClockSet());
    }

    /** A call with a struct timespec, under native access for {@code function}. */
    private abstract static class TimespecCall extends Builtin {
        private final String function;

        TimespecCall(String declaration, String function) {
            super(declaration);
            this.function = function;
        }

        @Override
        public final Object call(OsContext context, Arguments args) {
            context.checkNativeAccess(function);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment timespec = arena.allocate(SystemCalls.TIMESPEC_SIZE, 8);
                return call(context, args, Downcalls.allocateErrnoState(arena), timespec);
            }
        }

        abstract Object call(OsContext context, Arguments args, MemorySegment errnoState, MemorySegment timespec);
    }

    /** clock_gettime(2) or, with resolution, clock_getres(2): (tv_sec, tv_nsec). */
    static final class ClockTime extends TimespecCall {
        ClockTime() {
            super("clock_time(clock: int, resolution: bool) -> (long, long)", "clock_gettime");
        }

        @Override
        Object call(OsContext context, Arguments args, MemorySegment errnoState, MemorySegment timespec) {
            context.errors().checked(SystemCalls.clockTime(errnoState, args.integer("clock"), args.bool("resolution"), timespec));
            return new Object[]{timespec.get(JAVA_LONG, 0), timespec.get(JAVA_LONG, 8)};
        }
    }

    /** clock_settime(2) to tv_sec and tv_nsec. */
    static final class ClockSet extends TimespecCall {
        ClockSet() {
            super("clock_set(clock: int, seconds: long, nanoseconds: long) -> None", "clock_settime");
        }

        @Override
        Object call(OsContext context, Arguments args, MemorySegment errnoState, MemorySegment timespec) {
            timespec.set(JAVA_LONG, 0, args.longInteger("seconds"));
            timespec.set(JAVA_LONG, 8, args.longInteger("nanoseconds"));
            context.errors().checked(SystemCalls.clockSettime(errnoState, args.integer("clock"), timespec));
            return null;
        }
    }
}
