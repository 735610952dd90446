package org.graalpyos.language;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.graalpyos.edge.Arguments;
import org.graalpyos.nativeapi.Downcalls;

/** A builtin that calls native code: native access checked under the function's name, then a confined arena for errno. */
public abstract class NativeCall extends Builtin {
    private final String function;

    protected NativeCall(String declaration, String doc) {
        this(declaration, doc, null);
    }

    /** A builtin only a shim calls ({@code doc} null) names the function it serves in a refusal. */
    protected NativeCall(String declaration, String doc, String function) {
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

    protected abstract Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState);
}
