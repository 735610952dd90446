package org.graalpyos.language;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.ControlFlowException;

import org.graalpyos.builtins.BuiltinRegistry;
import org.graalpyos.edge.Arguments;
import org.graalpyos.edge.Codec;
import org.graalpyos.edge.Declaration;

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
        return call(context, lookup(member), arguments);
    }

    /**
     * Every call of a builtin: Python's exceptions pass; input the wire cannot decode becomes
     * ValueError, any other Java exception SystemError, so no JVM exception reaches Python code
     * or ends the embedder's Context.
     */
    static Object call(OsContext context, Builtin builtin, Object[] arguments) {
        try {
            Declaration declaration = builtin.declaration();
            return Codec.result(declaration, builtin.call(context, Arguments.decode(context.errors(), declaration, arguments)));
        } catch (AbstractTruffleException | ControlFlowException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw context.errors().valueError(builtin.name() + "(): " + e.getMessage());
        } catch (RuntimeException e) {
            throw context.errors().systemError(builtin.name() + "(): internal error: " + e);
        }
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
            return call(context, builtin, arguments);
        }
    }
}
