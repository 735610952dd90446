package org.graalpyos.language;

/**
 * One Python-callable function of ours. Arguments arrive already validated by the shim in
 * CPython's order; a builtin converts them ({@link Args}), calls native code, and raises
 * Python exceptions through {@link OsContext#errors()}.
 */
public interface Builtin {
    String name();

    Object call(OsContext context, Object[] args);
}
