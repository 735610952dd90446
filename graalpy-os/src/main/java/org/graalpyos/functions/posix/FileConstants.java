package org.graalpyos.functions.posix;

import org.graalpyos.nativeapi.CConstant;

/** os's file constants GraalPy lacks: open(2) flags (&lt;fcntl.h&gt;) and lockf(3)'s commands (&lt;unistd.h&gt;). */
public final class FileConstants {
    private FileConstants() {
    }

    @CConstant public static final int O_ASYNC = 8192;
    @CConstant public static final int O_FSYNC = 1052672;
    @CConstant public static final int O_NOATIME = 262144;
    @CConstant public static final int O_NOFOLLOW = 131072;
    @CConstant public static final int F_LOCK = 1;
    @CConstant public static final int F_TEST = 3;
    @CConstant public static final int F_TLOCK = 2;
    @CConstant public static final int F_ULOCK = 0;
}
