package org.graalpyos.functions.posix;

import org.graalpyos.nativeapi.CConstant;

/** os's NGROUPS_MAX, the dlopen flags GraalPy lacks, and unshare's and setns's CLONE_* namespaces (CPython 3.12). */
public final class ProcessConstants {
    private ProcessConstants() {
    }

    @CConstant public static final int NGROUPS_MAX = 65536;
    @CConstant public static final int RTLD_DEEPBIND = 8;
    @CConstant public static final int RTLD_NODELETE = 4096;
    @CConstant public static final int RTLD_NOLOAD = 4;
    @CConstant public static final int CLONE_FILES = 1024;
    @CConstant public static final int CLONE_FS = 512;
    @CConstant public static final int CLONE_NEWCGROUP = 33554432;
    @CConstant public static final int CLONE_NEWIPC = 134217728;
    @CConstant public static final int CLONE_NEWNET = 1073741824;
    @CConstant public static final int CLONE_NEWNS = 131072;
    @CConstant public static final int CLONE_NEWPID = 536870912;
    @CConstant public static final int CLONE_NEWTIME = 128;
    @CConstant public static final int CLONE_NEWUSER = 268435456;
    @CConstant public static final int CLONE_NEWUTS = 67108864;
    @CConstant public static final int CLONE_SIGHAND = 2048;
    @CConstant public static final int CLONE_SYSVSEM = 262144;
    @CConstant public static final int CLONE_THREAD = 65536;
    @CConstant public static final int CLONE_VM = 256;
}
