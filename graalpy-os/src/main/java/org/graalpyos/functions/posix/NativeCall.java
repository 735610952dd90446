package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;

/** A builtin of the os functions: native access under the function's name, then a confined arena for errno. */
abstract class NativeCall extends Builtin {
    private final String function;

    NativeCall(String declaration, String doc) {
        this(declaration, doc, null);
    }

    /** A builtin only a shim calls ({@code doc} null) names the function it serves in a refusal. */
    NativeCall(String declaration, String doc, String function) {
        super(declaration, doc);
        this.function = function != null ? function : declaration().function();
    }

    @Override
    public final Object call(OsContext context, Arguments args) {
        context.checkNativeAccess(function);
        try (Arena arena = Arena.ofConfined()) {
            return call(context, args, arena, Downcalls.allocateErrnoState(arena));
        }
    }

    abstract Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState);
}
