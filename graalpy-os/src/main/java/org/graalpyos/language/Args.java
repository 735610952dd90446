package org.graalpyos.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

/** Reads the interop primitives of {@link Wire} from a builtin's arguments, with Python's errors. */
public final class Args {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();
    /** Stands for "argument not given" where any C int is a valid value. */
    public static final long ABSENT = Long.MIN_VALUE;

    private Args() {
    }

    @TruffleBoundary
    public static void expectCount(OsContext context, String function, Object[] args, int count) {
        if (args.length != count) {
            throw context.errors().typeError(function + "() takes exactly " + count + " arguments (" + args.length + " given)");
        }
    }

    @TruffleBoundary
    public static long toLong(OsContext context, Object value) {
        try {
            if (INTEROP.fitsInLong(value)) {
                return INTEROP.asLong(value);
            }
        } catch (UnsupportedMessageException e) {
            // falls through to the TypeError below
        }
        throw context.errors().typeError("an integer is required");
    }

    @TruffleBoundary
    public static int toInt(OsContext context, Object value) {
        long number = toLong(context, value);
        if (number != (int) number) {
            throw context.errors().overflowError("Python int too large to convert to C int");
        }
        return (int) number;
    }

    /** {@link #ABSENT} → null, else the int. */
    public static Integer toIntOrAbsent(OsContext context, Object value) {
        long number = toLong(context, value);
        return number == ABSENT ? null : toInt(context, value);
    }

    @TruffleBoundary
    public static boolean toBoolean(OsContext context, Object value) {
        try {
            return INTEROP.asBoolean(value);
        } catch (UnsupportedMessageException e) {
            throw context.errors().typeError("expected a bool");
        }
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
