package org.graalpyos.nativeapi;

/** The errno numbers graalpy-os tests for (Linux's; NativeLayoutTest checks them against errno.h). */
public final class Errno {
    private Errno() {
    }

    @CConstant public static final int ENOENT = 2;
    @CConstant public static final int ESRCH = 3;
    @CConstant public static final int EINTR = 4;
    @CConstant public static final int E2BIG = 7;
    @CConstant public static final int EBADF = 9;
    @CConstant public static final int ENOEXEC = 8;
    @CConstant public static final int EAGAIN = 11;
    @CConstant public static final int EACCES = 13;
    @CConstant public static final int ENOTDIR = 20;
    @CConstant public static final int EISDIR = 21;
    @CConstant public static final int EINVAL = 22;
    @CConstant public static final int ETXTBSY = 26;
    @CConstant public static final int ENAMETOOLONG = 36;
    @CConstant public static final int ENOSYS = 38;
    @CConstant public static final int ELOOP = 40;
}
