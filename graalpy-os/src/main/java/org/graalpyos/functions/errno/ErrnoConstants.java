package org.graalpyos.functions.errno;

import org.graalpyos.nativeapi.CConstant;

/** errno's names GraalPy 25.0.1 lacks (Linux's ENOTSUP is EOPNOTSUPP). */
public final class ErrnoConstants {
    private ErrnoConstants() {
    }

    @CConstant public static final int ENOTSUP = 95;
}
