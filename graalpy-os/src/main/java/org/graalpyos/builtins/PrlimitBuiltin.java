package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * prlimit(pid, resource, current, maximum): prlimit(2), behind resource.getrlimit, setrlimit and
 * prlimit (the shim parsed the arguments as CPython does and raises its errors). Sets the limits
 * unless they are None; returns (errno, current, maximum): the call's errno (0 when it succeeded) and the
 * limits before it, as signed 64-bit numbers (RLIM_INFINITY is -1, as CPython shows it).
 */
final class PrlimitBuiltin extends Builtin {
    PrlimitBuiltin() {
        super("prlimit(pid: pid_t, resource: int, current: long?, maximum: long?) -> (int, long, long)");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int pid = args.integer("pid");
        int resource = args.integer("resource");
        Long current = args.longInteger("current");
        Long maximum = args.longInteger("maximum");
        boolean set = current != null && maximum != null;
        context.checkNativeAccess("prlimit");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limits = arena.allocate(ProcessCalls.RLIMIT_SIZE, 8);
            MemorySegment old = arena.allocate(ProcessCalls.RLIMIT_SIZE, 8);
            if (set) {
                limits.set(JAVA_LONG, 0, current);
                limits.set(JAVA_LONG, 8, maximum);
            }
            int rc = ProcessCalls.prlimit(Downcalls.allocateErrnoState(arena), pid, resource, set ? limits : MemorySegment.NULL, old);
            return new long[]{rc < 0 ? -rc : 0, old.get(JAVA_LONG, 0), old.get(JAVA_LONG, 8)};
        }
    }
}
