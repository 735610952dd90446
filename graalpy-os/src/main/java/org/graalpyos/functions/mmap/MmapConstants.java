package org.graalpyos.functions.mmap;

import org.graalpyos.nativeapi.CConstant;

/** mmap's constants GraalPy lacks: madvise(2) advice and the mmap(2) flags MAP_ANON, MAP_POPULATE, MAP_STACK. */
public final class MmapConstants {
    private MmapConstants() {
    }

    @CConstant public static final int MADV_DODUMP = 17;
    @CConstant public static final int MADV_DOFORK = 11;
    @CConstant public static final int MADV_DONTDUMP = 16;
    @CConstant public static final int MADV_DONTFORK = 10;
    @CConstant public static final int MADV_DONTNEED = 4;
    @CConstant public static final int MADV_FREE = 8;
    @CConstant public static final int MADV_HUGEPAGE = 14;
    @CConstant public static final int MADV_HWPOISON = 100;
    @CConstant public static final int MADV_MERGEABLE = 12;
    @CConstant public static final int MADV_NOHUGEPAGE = 15;
    @CConstant public static final int MADV_NORMAL = 0;
    @CConstant public static final int MADV_RANDOM = 1;
    @CConstant public static final int MADV_REMOVE = 9;
    @CConstant public static final int MADV_SEQUENTIAL = 2;
    @CConstant public static final int MADV_UNMERGEABLE = 13;
    @CConstant public static final int MADV_WILLNEED = 3;
    @CConstant public static final int MAP_ANON = 32;
    @CConstant public static final int MAP_POPULATE = 32768;
    @CConstant public static final int MAP_STACK = 131072;
}
