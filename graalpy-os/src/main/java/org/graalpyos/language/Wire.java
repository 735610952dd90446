package org.graalpyos.language;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How values cross between the shim and our builtins: interop primitives only (int, bool, str).
 * Every access Java makes to a Python object (a list element, a bytes buffer), and every element
 * Python reads from a Java array, takes GraalPy's GIL once, which costs a whole switch interval
 * when other Python threads are busy. So byte strings cross as latin-1 str (one code point per
 * byte), lists of them as NUL-terminated items in one str, and results as one str of integers.
 */
public final class Wire {
    private Wire() {
    }

    /** A latin-1 str from the shim back to its bytes. */
    public static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** "a\0b\0" → [a, b]: every item is terminated, so empty items survive. */
    public static List<byte[]> items(String latin1) {
        List<byte[]> items = new ArrayList<>();
        int start = 0;
        for (int end = latin1.indexOf('\0'); end >= 0; end = latin1.indexOf('\0', start)) {
            items.add(bytes(latin1.substring(start, end)));
            start = end + 1;
        }
        return items;
    }

    /** Integers as one space-separated str, which the shim splits. */
    public static String ints(long... values) {
        StringBuilder text = new StringBuilder(values.length * 4);
        for (long value : values) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(value);
        }
        return text.toString();
    }

    /** " 1 2 3" → {1, 2, 3}. */
    public static int[] parseInts(String text) {
        return parse(text, false);
    }

    /** "0 4294967295" → {0, -1}: unsigned 32-bit ids (uid_t, gid_t) as their bits. */
    public static int[] parseUnsignedInts(String text) {
        return parse(text, true);
    }

    private static int[] parse(String text, boolean unsigned) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split(" +");
        int[] values = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                values[i] = unsigned ? Integer.parseUnsignedInt(parts[i]) : Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected 32-bit integers separated by spaces, not '" + text + "'");
        }
        return values;
    }
}
