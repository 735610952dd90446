package org.graalpyos.language;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import org.graalpyos.builtins.BuiltinRegistry;

/** The object Python sees: one invocable member per builtin of {@link BuiltinRegistry}. */
@ExportLibrary(InteropLibrary.class)
public final class OsBuiltins implements TruffleObject {
    private static final Map<String, Builtin> BUILTINS = index();

    private final OsContext context;

    OsBuiltins(OsContext context) {
        this.context = context;
    }

    private static Map<String, Builtin> index() {
        Map<String, Builtin> byName = new LinkedHashMap<>();
        for (Builtin b : BuiltinRegistry.all()) {
            byName.put(b.name(), b);
        }
        return byName;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new Tuple(BUILTINS.keySet().toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return BUILTINS.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        return BUILTINS.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        return new BoundBuiltin(context, lookup(member));
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException {
        return lookup(member).call(context, arguments);
    }

    private static Builtin lookup(String member) throws UnknownIdentifierException {
        Builtin b = BUILTINS.get(member);
        if (b == null) {
            throw UnknownIdentifierException.create(member);
        }
        return b;
    }

    /** A builtin read as an attribute ({@code native.wait4}) and called later. */
    @ExportLibrary(InteropLibrary.class)
    static final class BoundBuiltin implements TruffleObject {
        final OsContext context;
        final Builtin builtin;

        BoundBuiltin(OsContext context, Builtin builtin) {
            this.context = context;
            this.builtin = builtin;
        }

        @ExportMessage
        boolean isExecutable() {
            return true;
        }

        @ExportMessage
        @TruffleBoundary
        Object execute(Object[] arguments) {
            return builtin.call(context, arguments);
        }
    }
}
