package org.graalpyos.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

/** Converts interop values from Python (int, bytes, tuple/list) to Java, without extra copies. */
public final class Args {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private Args() {
    }

    @TruffleBoundary
    public static void expectCount(OsContext context, String function, Object[] args, int count) {
        if (args.length != count) {
            throw context.errors().typeError(function + "() takes exactly " + count + " arguments (" + args.length + " given)");
        }
    }

    @TruffleBoundary
    public static int toInt(OsContext context, Object value) {
        try {
            if (INTEROP.fitsInInt(value)) {
                return INTEROP.asInt(value);
            }
            if (INTEROP.isNumber(value)) {
                throw context.errors().overflowError("Python int too large to convert to C int");
            }
        } catch (UnsupportedMessageException e) {
            // falls through to the TypeError below
        }
        throw context.errors().typeError("an integer is required");
    }

    @TruffleBoundary
    public static boolean isNone(Object value) {
        return INTEROP.isNull(value);
    }

    /** None → null, else the int. */
    public static Integer toIntOrNull(OsContext context, Object value) {
        return isNone(value) ? null : toInt(context, value);
    }

    /** None → null, else a sequence of ints. */
    public static int[] toIntsOrNull(OsContext context, Object value) {
        if (isNone(value)) {
            return null;
        }
        Object[] items = toArray(context, value);
        int[] ints = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            ints[i] = toInt(context, items[i]);
        }
        return ints;
    }

    @TruffleBoundary
    public static boolean toBoolean(OsContext context, Object value) {
        try {
            return INTEROP.asBoolean(value);
        } catch (UnsupportedMessageException e) {
            throw context.errors().typeError("expected a bool");
        }
    }

    /** A Python bytes-like object (or a sequence of small ints) as a Java byte array. */
    @TruffleBoundary
    public static byte[] toBytes(OsContext context, Object value) {
        try {
            if (INTEROP.hasBufferElements(value)) {
                long size = INTEROP.getBufferSize(value);
                byte[] bytes = new byte[Math.toIntExact(size)];
                INTEROP.readBuffer(value, 0, bytes, 0, bytes.length);
                return bytes;
            }
        } catch (UnsupportedMessageException | com.oracle.truffle.api.interop.InvalidBufferOffsetException e) {
            // falls through to the TypeError below
        }
        throw context.errors().typeError("expected a bytes-like object");
    }

    /** The elements of a Python tuple or list. */
    @TruffleBoundary
    public static Object[] toArray(OsContext context, Object value) {
        try {
            if (INTEROP.hasArrayElements(value)) {
                int n = Math.toIntExact(INTEROP.getArraySize(value));
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = INTEROP.readArrayElement(value, i);
                }
                return items;
            }
        } catch (UnsupportedMessageException | com.oracle.truffle.api.interop.InvalidArrayIndexException e) {
            // falls through to the TypeError below
        }
        throw context.errors().typeError("expected a tuple or list");
    }

    @TruffleBoundary
    public static String toJavaString(OsContext context, Object value) {
        try {
            return INTEROP.asString(value);
        } catch (UnsupportedMessageException e) {
            throw context.errors().typeError("expected str");
        }
    }
}
