package org.graalpyos.edge;

/**
 * What one value of a declaration is, as the converters of CPython's clinic name them, and how
 * it crosses the edge ({@link Codec}): integers as Python ints, bool as bool, bytes as latin-1 str,
 * text as str, anything else as the Python object itself.
 */
public enum WireType {
    /** C int: OverflowError beyond 32 bits. */
    INT("int", "Python int too large to convert to C int", "c_int", false),
    /** C long. */
    LONG("long", "Python int too large to convert to C long", "c_long", false),
    /** C unsigned int (_PyLong_UnsignedInt_Converter: ValueError for a negative int); the wire holds its 32 bits. */
    UINT("unsigned_int", "Python int too large for C unsigned int", "unsigned_int", false),
    /** clinic's unsigned_int(bitwise=True): any index, masked to 32 bits (PyLong_AsUnsignedLongMask); the wire holds them. */
    UINT_BITWISE("unsigned_int(bitwise=True)", "Python int too large for C unsigned int", "unsigned_int_bitwise", false),
    /** Py_ssize_t (a size; 64 bits here). */
    SSIZE("Py_ssize_t", "Python int too large to convert to C ssize_t", "c_ssize_t", false),
    /** pid_t: the format unit "i" (so the legacy parsers); the wire holds the 32-bit value. */
    PID("pid_t", "Python int too large to convert to C int", "format_int", true),
    /** uid_t: the id or -1 ((uid_t) -1, "no change"), as its 32 bits. */
    UID("uid_t", "uid is greater than maximum", "uid_t", false),
    /** gid_t, as uid_t. */
    GID("gid_t", "gid is greater than maximum", "gid_t", false),
    /** fildes: an int or an object's fileno(), not negative (PyObject_AsFileDescriptor); crosses as an int. */
    FD("fildes", "Python int too large to convert to C int", "fildes", false),
    BOOL("bool", null, null, false),
    /** bytes, as a latin-1 str: one code point per byte. */
    BYTES("bytes", null, null, false),
    /** str without NUL (clinic's str). */
    STR("str", null, "text", false),
    /**
     * clinic's FSConverter (PyUnicode_FSConverter): str, bytes or os.PathLike, encoded as
     * os.fsencode, without NUL; crosses as bytes.
     */
    FSCONVERTER("FSConverter", null, "fs_converter", false),
    /** Any str (clinic's unicode: a C function then sees it up to its first NUL). */
    UNICODE("unicode", null, "unicode", false),
    /** A Python object Java keeps without reading it (a callable, a type). */
    OBJECT("object", null, null, false),
    /** Only as a result: Python's None. */
    NONE("None", null, null, false);

    final String declared;
    final String overflow;
    /** The function of graalpy_os/_convert.py that converts a Python value to this type as CPython's converter does. */
    final String converter;
    /** Converted by a format unit of PyArg_Parse, which makes clinic choose the legacy parsers. */
    final boolean legacy;

    WireType(String declared, String overflow, String converter, boolean legacy) {
        this.declared = declared;
        this.overflow = overflow;
        this.converter = converter;
        this.legacy = legacy;
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
