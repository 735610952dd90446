package org.graalpyos.language;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * Python objects made in Java from values Java checked, for the Python functions our builtins call
 * (never the caller's objects, which could differ from what was checked). Made through Python's
 * builtins module and None, which the bootstrap hands over once.
 */
public final class PythonValues {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private final PythonErrors errors;
    private volatile Object builtinsModule;
    private volatile Object none;

    PythonValues(PythonErrors errors) {
        this.errors = errors;
    }

    void bind(Object pythonBuiltins, Object pythonNone) {
        builtinsModule = pythonBuiltins;
        none = pythonNone;
    }

    public Object none() {
        return none;
    }

    /** bytes(data). */
    @TruffleBoundary
    public Object bytes(byte[] data) {
        return call("bytes", new String(data, StandardCharsets.ISO_8859_1), "latin-1");
    }

    /** [bytes, ...]. */
    @TruffleBoundary
    public Object bytesList(List<byte[]> items) {
        Object[] values = new Object[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes(items.get(i));
        }
        return call("list", new Tuple(values));
    }

    /** (int, ...). */
    @TruffleBoundary
    public Object intTuple(int[] items) {
        Object[] values = new Object[items.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = items[i];
        }
        return call("tuple", new Tuple(values));
    }

    /** Calls a Python callable: its exception propagates as the Python exception it is. */
    @TruffleBoundary
    public Object execute(Object callable, Object... arguments) {
        try {
            return INTEROP.execute(callable, arguments);
        } catch (InteropException e) {
            throw errors.systemError("cannot call " + callable + ": " + e.getMessage());
        }
    }

    private Object call(String builtin, Object... arguments) {
        try {
            return INTEROP.execute(INTEROP.readMember(builtinsModule, builtin), arguments);
        } catch (InteropException e) {
            throw errors.systemError("cannot make a Python " + builtin + ": " + e.getMessage());
        }
    }
}
