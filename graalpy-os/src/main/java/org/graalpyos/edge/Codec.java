package org.graalpyos.edge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one encoding between the shims and the builtins (graalpy_os/_codec.py is its Python half).
 * Every element Java reads from a Python object, and every element Python reads from a Java one,
 * takes GraalPy's GIL once, which costs a whole switch interval when other Python threads are busy
 * (D7); so only interop primitives cross, one hand-off per call:
 * <ul>
 * <li>int, bool and None as themselves; bytes as a latin-1 str (one code point per byte); str as str;
 * <li>a list as one str of items, each followed by NUL: ints in decimal, bytes as latin-1 (no item
 * holds NUL: paths, arguments and environment entries cannot);
 * <li>a tuple result as one str of its items, each followed by NUL, a list item as its length and
 * its items, and a last bytes item unterminated (it may hold NUL).
 * </ul>
 */
public final class Codec {
    private Codec() {
    }

    static byte[] bytes(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("bytes cross as latin-1 text; found U+" + Integer.toHexString(latin1.charAt(i)));
            }
        }
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<byte[]> byteItems(String text) {
        List<byte[]> items = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\0'); end >= 0; end = text.indexOf('\0', start)) {
            items.add(bytes(text.substring(start, end)));
            start = end + 1;
        }
        if (start != text.length()) {
            throw new IllegalArgumentException("a list crosses as NUL-terminated items; the last has no NUL");
        }
        return items;
    }

    /** Integer items, each in the range of {@code type} (uid_t and gid_t as their 32 bits). */
    static int[] intItems(String text, WireType type) {
        List<byte[]> items = byteItems(text);
        int[] values = new int[items.size()];
        for (int i = 0; i < values.length; i++) {
            String item = new String(items.get(i), StandardCharsets.ISO_8859_1);
            try {
                long value = Long.parseLong(item);
                boolean unsigned = type == WireType.UID || type == WireType.GID;
                if (unsigned ? value < -1 || value > 0xFFFFFFFFL : value != (int) value) {
                    throw new IllegalArgumentException("list item " + item + " is out of range of " + type.declared);
                }
                values[i] = (int) value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("list item '" + item + "' is not an integer");
            }
        }
        return values;
    }

    /** A builtin's Java result as the declaration's result type crosses. */
    public static Object result(Declaration declaration, Object value) {
        List<ValueType> types = declaration.result();
        if (!declaration.tupleResult()) {
            return scalarOrList(types.get(0), value);
        }
        Object[] items = value instanceof long[] longs ? boxed(longs) : (Object[]) value;
        if (items.length != types.size()) {
            throw new IllegalStateException(declaration.name() + " returned " + items.length + " items for " + types);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            ValueType type = types.get(i);
            if (type.list()) {
                List<String> list = listItems(items[i]);
                text.append(list.size()).append('\0');
                appendItems(text, list);
            } else {
                text.append(scalarText(type, items[i]));
                if (i < items.length - 1 || type.wire() != WireType.BYTES) {
                    text.append('\0');
                }
            }
        }
        return text.toString();
    }

    private static Object scalarOrList(ValueType type, Object value) {
        if (value == null || type.wire() == WireType.NONE) {
            return Nothing.INSTANCE;
        }
        if (type.list()) {
            StringBuilder text = new StringBuilder();
            appendItems(text, listItems(value));
            return text.toString();
        }
        return type.wire() == WireType.BYTES ? new String((byte[]) value, StandardCharsets.ISO_8859_1) : value;
    }

    /** A loop, not a lambda: a forked child calls builtins, and must not link a new call site. */
    private static void appendItems(StringBuilder text, List<String> items) {
        for (String item : items) {
            text.append(item).append('\0');
        }
    }

    private static String scalarText(ValueType type, Object value) {
        return switch (type.wire()) {
            case BYTES -> new String((byte[]) value, StandardCharsets.ISO_8859_1);
            case BOOL -> (Boolean) value ? "1" : "0";
            default -> value.toString();
        };
    }

    /** instanceof, not a pattern switch: its bootstrap would be linked in a forked child. */
    private static List<String> listItems(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof int[] ints) {
            for (int item : ints) {
                items.add(Integer.toString(item));
            }
        } else if (value instanceof long[] longs) {
            for (long item : longs) {
                items.add(Long.toString(item));
            }
        } else {
            for (Object item : (List<?>) value) {
                items.add(item instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : item.toString());
            }
        }
        return items;
    }

    private static Object[] boxed(long[] values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
