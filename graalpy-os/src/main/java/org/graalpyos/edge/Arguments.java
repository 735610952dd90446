package org.graalpyos.edge;

import java.util.List;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import org.graalpyos.language.PythonErrors;

/**
 * A call's arguments decoded by the builtin's {@link Declaration}, read by parameter name. Input
 * the declaration does not allow is a Python TypeError (count, type) or OverflowError (range), in
 * the declared order, before the builtin runs.
 */
public final class Arguments {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private final Declaration declaration;
    private final Object[] values;

    private Arguments(Declaration declaration, Object[] values) {
        this.declaration = declaration;
        this.values = values;
    }

    public static Arguments decode(PythonErrors errors, Declaration declaration, Object[] arguments) {
        List<Parameter> parameters = declaration.parameters();
        if (arguments.length != parameters.size()) {
            throw errors.typeError(declaration.name() + "() takes exactly " + parameters.size() + " argument" + (parameters.size() == 1 ? "" : "s")
                            + " (" + arguments.length + " given)");
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = decode(errors, declaration, parameters.get(i), arguments[i]);
        }
        return new Arguments(declaration, values);
    }

    private static Object decode(PythonErrors errors, Declaration declaration, Parameter parameter, Object value) {
        ValueType type = parameter.type();
        WireType wire = type.wire();
        if (wire == WireType.OBJECT) {
            return value;
        }
        if (type.optional() && INTEROP.isNull(value)) {
            return null;
        }
        try {
            if (type.list()) {
                String text = INTEROP.asString(value);
                return wire == WireType.BYTES || wire == WireType.STR || wire == WireType.FSCONVERTER ? Codec.byteItems(text) : Codec.intItems(text, wire);
            }
            return switch (wire) {
                case BOOL -> INTEROP.asBoolean(value);
                case BYTES, FSCONVERTER -> Codec.bytes(INTEROP.asString(value));
                case STR -> text(errors, INTEROP.asString(value));
                case UNICODE -> INTEROP.asString(value);
                default -> integer(errors, wire, value);
            };
        } catch (UnsupportedMessageException e) {
            throw errors.typeError(declaration.name() + "() argument '" + parameter.name() + "' must be " + type + ", not " + typeName(value));
        }
    }

    private static String text(PythonErrors errors, String text) {
        if (text.indexOf('\0') >= 0) {
            throw errors.valueError("embedded null character");
        }
        return text;
    }

    private static Object integer(PythonErrors errors, WireType wire, Object value) throws UnsupportedMessageException {
        if (INTEROP.isBoolean(value)) {
            int bit = INTEROP.asBoolean(value) ? 1 : 0;
            return wire == WireType.LONG || wire == WireType.SSIZE ? (Object) (long) bit : (Object) bit; // longInteger reads a Long
        }
        if (!INTEROP.fitsInLong(value)) {
            if (!INTEROP.isNumber(value)) {
                throw UnsupportedMessageException.create();
            }
            if (wire == WireType.UID || wire == WireType.GID) {
                boolean negative = INTEROP.fitsInBigInteger(value) && INTEROP.asBigInteger(value).signum() < 0;
                throw errors.overflowError(negative ? wire.declared.charAt(0) + "id is less than minimum" : wire.overflow);
            }
            throw errors.overflowError(wire.overflow);
        }
        long number = INTEROP.asLong(value);
        return switch (wire) {
            case LONG, SSIZE -> number;
            case UINT, UINT_BITWISE -> {
                if (number < 0 || number > 0xFFFFFFFFL) {
                    throw errors.overflowError(wire.overflow);
                }
                yield (int) number;
            }
            case UID, GID -> {
                // _Py_Uid_Converter: a C long that is negative (but -1) or does not fit 32 bits is "less than minimum"
                if (number < -1 || number > 0xFFFFFFFFL) {
                    throw errors.overflowError(wire.declared.charAt(0) + "id is less than minimum");
                }
                yield (int) number;
            }
            default -> {
                if (number != (int) number) {
                    throw errors.overflowError(wire.overflow);
                }
                yield (int) number;
            }
        };
    }

    /** Python's name of the value's type; interop primitives have no meta object. */
    private static String typeName(Object value) {
        if (INTEROP.isString(value)) {
            return "str";
        }
        if (INTEROP.isBoolean(value)) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (INTEROP.isNumber(value) && !INTEROP.hasMetaObject(value)) {
            return "int";
        }
        try {
            return INTEROP.asString(INTEROP.getMetaSimpleName(INTEROP.getMetaObject(value)));
        } catch (UnsupportedMessageException e) {
            return value.getClass().getSimpleName();
        }
    }

    private Object value(String name, WireType... allowed) {
        int index = declaration.index(name);
        WireType wire = declaration.parameters().get(index).type().wire();
        for (WireType type : allowed) {
            if (type == wire) {
                return values[index];
            }
        }
        throw new IllegalStateException(declaration.name() + ": '" + name + "' is declared " + declaration.parameters().get(index).type());
    }

    /** An int, pid_t, uid_t, gid_t or unsigned int (the last three as their 32 bits); null only where declared optional and None. */
    public Integer integer(String name) {
        return (Integer) value(name, WireType.INT, WireType.PID, WireType.UID, WireType.GID, WireType.FD, WireType.UINT, WireType.UINT_BITWISE);
    }

    /** A long; null only where declared optional and None. */
    public Long longInteger(String name) {
        return (Long) value(name, WireType.LONG, WireType.SSIZE);
    }

    public boolean bool(String name) {
        return (Boolean) value(name, WireType.BOOL);
    }

    /** bytes, or an FSConverter's encoded path. */
    public byte[] bytes(String name) {
        return (byte[]) value(name, WireType.BYTES, WireType.FSCONVERTER);
    }

    public String text(String name) {
        return (String) value(name, WireType.STR, WireType.UNICODE);
    }

    @SuppressWarnings("unchecked")
    public List<byte[]> byteStrings(String name) {
        return (List<byte[]>) value(name, WireType.BYTES, WireType.STR);
    }

    /** A list of int, pid_t, uid_t or gid_t. */
    public int[] integers(String name) {
        return (int[]) value(name, WireType.INT, WireType.PID, WireType.UID, WireType.GID);
    }

    public Object object(String name) {
        return value(name, WireType.OBJECT);
    }
}
