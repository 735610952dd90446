package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/**
 * prlimit(pid, resource, set, cur, max): prlimit(2), behind resource.getrlimit, setrlimit and
 * prlimit (the shim parsed the arguments as CPython does and raises its errors). Sets (cur, max)
 * when set is true; returns "errno cur max": the call's errno (0 when it succeeded) and the
 * limits before it, as signed 64-bit numbers (RLIM_INFINITY is -1, as CPython shows it).
 */
final class PrlimitBuiltin implements Builtin {
    @Override
    public String name() {
        return "prlimit";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 5);
        int pid = Args.toInt(context, args[0]);
        int resource = Args.toInt(context, args[1]);
        boolean set = Args.toBoolean(context, args[2]);
        long cur = Args.toLong(context, args[3]);
        long max = Args.toLong(context, args[4]);
        context.checkNativeAccess("prlimit");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limits = arena.allocate(Libc.RLIMIT_SIZE, 8);
            MemorySegment old = arena.allocate(Libc.RLIMIT_SIZE, 8);
            limits.set(JAVA_LONG, 0, cur);
            limits.set(JAVA_LONG, 8, max);
            int rc = Libc.prlimit(Libc.allocateErrnoState(arena), pid, resource, set ? limits : MemorySegment.NULL, old);
            // a StringBuilder, not +: a preexec_fn calls this in a forked JVM child, which must not link a call site
            return new StringBuilder().append(rc < 0 ? -rc : 0).append(' ').append(old.get(JAVA_LONG, 0)).append(' ')
                            .append(old.get(JAVA_LONG, 8)).toString();
        }
    }
}
