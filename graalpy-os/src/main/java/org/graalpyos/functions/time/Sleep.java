package org.graalpyos.functions.time;

import java.util.List;

import org.graalpyos.blocking.InterruptibleBlocking;
import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * time.sleep: graalpy_os/sleep_.py is its body (the audit event and the conversion, as CPython
 * 3.12's time_sleep), over a sleep that Python signal handlers interrupt (PEP 475): GraalPy's ran a
 * handler during the sleep but raised its exception only once the whole sleep was over.
 */
public final class Sleep {
    private Sleep() {
    }

    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("sleep_", "time.sleep(secs: object, /) -> None", """
                        sleep(seconds)

                        Delay execution for a given number of seconds.  The argument may be
                        a floating point number for subsecond precision."""));
    }

    /** The builtins only the shim calls. */
    public static List<Builtin> internal() {
        return List.of(new SleepNs());
    }

    /** sleep_ns(ns): blocks ns nanoseconds (not negative), Python signal handlers running meanwhile. */
    static final class SleepNs extends Builtin {
        SleepNs() {
            super("sleep_ns(ns: long) -> None");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            long ns = args.longInteger("ns");
            context.checkNativeAccess("poll");
            InterruptibleBlocking.run(new Sleeping(InterruptibleBlocking.deadline(ns)));
            return null;
        }
    }

    /** Polls no fd of its own until the deadline. */
    private static final class Sleeping extends InterruptibleBlocking.Call<Integer> {
        private static final int[] NO_FDS = {};
        private final long deadline;

        Sleeping(long deadline) {
            this.deadline = deadline;
        }

        @Override
        protected int[] fds() {
            return NO_FDS;
        }

        @Override
        protected Integer block(InterruptibleBlocking.Blocker blocker) throws InterruptedException {
            int rc;
            do {
                rc = blocker.poll(0, deadline);
            } while (rc >= 0 && deadline - System.nanoTime() > 0);
            return rc;
        }
    }
}
