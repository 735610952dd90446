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

    protected Builtin(String declaration) {
        this.declaration = Declaration.parse(declaration);
    }

    public final String name() {
        return declaration.name();
    }

    public final Declaration declaration() {
        return declaration;
    }

    /** Returns the Java value of the declared result: a Number, Boolean, String, byte[], long[]/int[]/List for lists and tuples, or null. */
    public abstract Object call(OsContext context, Arguments args);
}
