package org.graalpyos.edge;

/**
 * What one value of a declaration is, as the converters of CPython's clinic name them, and how
 * it crosses the edge ({@link Codec}): integers as Python ints, bool as bool, bytes as latin-1 str,
 * text as str, anything else as the Python object itself.
 */
public enum WireType {
    /** C int: OverflowError beyond 32 bits. */
    INT("int", "Python int too large to convert to C int"),
    /** C long. */
    LONG("long", "Python int too large to convert to C long"),
    /** pid_t (the shim converts as PyLong_AsPid; the wire holds the 32-bit value). */
    PID("pid_t", "Python int too large to convert to C int"),
    /** uid_t: the id or -1 ((uid_t) -1, "no change"), as its 32 bits. */
    UID("uid_t", "uid is greater than maximum"),
    /** gid_t, as uid_t. */
    GID("gid_t", "gid is greater than maximum"),
    BOOL("bool", null),
    /** bytes, as a latin-1 str: one code point per byte. */
    BYTES("bytes", null),
    STR("str", null),
    /** A Python object Java keeps without reading it (a callable, a type). */
    OBJECT("object", null),
    /** Only as a result: Python's None. */
    NONE("None", null);

    final String declared;
    final String overflow;

    WireType(String declared, String overflow) {
        this.declared = declared;
        this.overflow = overflow;
    }

    boolean isInteger() {
        return overflow != null;
    }

    static WireType named(String name) {
        for (WireType type : values()) {
            if (type.declared.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown converter '" + name + "'");
    }
}
