package org.graalpyos.language;

import org.graalpyos.edge.Arguments;
import org.graalpyos.edge.Declaration;

/**
 * One Python-callable function of ours, declared once ({@link Declaration}): the dispatcher
 * decodes its arguments by the declaration and encodes its result by it; the builtin checks
 * permissions and policy, calls native code, and raises Python exceptions through
 * {@link OsContext#errors()}.
 */
public abstract class Builtin {
    private final Declaration declaration;
    private final String doc;

    /** A builtin only the shims call. */
    protected Builtin(String declaration) {
        this(declaration, null);
    }

    /** A function Python sees in a module ("posix.setuid(uid: uid_t, /) -> None"), with CPython's docstring. */
    protected Builtin(String declaration, String doc) {
        this.declaration = Declaration.parse(declaration);
        this.doc = doc;
        if ((doc == null) != (this.declaration.module() == null)) {
            throw new IllegalArgumentException(declaration + ": a docstring goes with a function declared in a module, and only there");
        }
    }

    public final String name() {
        return declaration.name();
    }

    public final Declaration declaration() {
        return declaration;
    }

    /** CPython's docstring of a function declared in a module; null for a builtin only the shims call. */
    public final String doc() {
        return doc;
    }

    /** Returns the Java value of the declared result: a Number, Boolean, String, byte[], long[]/int[]/List for lists and tuples, or null. */
    public abstract Object call(OsContext context, Arguments args);
}
