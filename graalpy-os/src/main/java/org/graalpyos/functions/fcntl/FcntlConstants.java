package org.graalpyos.functions.fcntl;

import org.graalpyos.nativeapi.CConstant;

/**
 * The constants of CPython 3.12's fcntl module that GraalPy's lacks (it has F_RDLCK, F_UNLCK,
 * F_WRLCK and LOCK_EX, LOCK_NB, LOCK_SH, LOCK_UN), with this machine's values: &lt;fcntl.h&gt; with
 * _GNU_SOURCE (F_GETLK64 and friends as x86-64's glibc defines them), &lt;linux/fs.h&gt; (FICLONE).
 */
public final class FcntlConstants {
    private FcntlConstants() {
    }

    @CConstant public static final int DN_ACCESS = 1;
    @CConstant public static final int DN_ATTRIB = 32;
    @CConstant public static final int DN_CREATE = 4;
    @CConstant public static final int DN_DELETE = 8;
    @CConstant public static final int DN_MODIFY = 2;
    @CConstant public static final long DN_MULTISHOT = 2147483648L;
    @CConstant public static final int DN_RENAME = 16;
    @CConstant public static final int FASYNC = 8192;
    @CConstant public static final int FD_CLOEXEC = 1;
    @CConstant public static final int FICLONE = 1074041865;
    @CConstant public static final int FICLONERANGE = 1075876877;
    @CConstant public static final int F_ADD_SEALS = 1033;
    @CConstant public static final int F_DUPFD = 0;
    @CConstant public static final int F_DUPFD_CLOEXEC = 1030;
    @CConstant public static final int F_EXLCK = 4;
    @CConstant public static final int F_GETFD = 1;
    @CConstant public static final int F_GETFL = 3;
    @CConstant public static final int F_GETLEASE = 1025;
    @CConstant public static final int F_GETLK = 5;
    @CConstant public static final int F_GETLK64 = 5;
    @CConstant public static final int F_GETOWN = 9;
    @CConstant public static final int F_GETPIPE_SZ = 1032;
    @CConstant public static final int F_GETSIG = 11;
    @CConstant public static final int F_GET_SEALS = 1034;
    @CConstant public static final int F_NOTIFY = 1026;
    @CConstant public static final int F_OFD_GETLK = 36;
    @CConstant public static final int F_OFD_SETLK = 37;
    @CConstant public static final int F_OFD_SETLKW = 38;
    @CConstant public static final int F_SEAL_GROW = 4;
    @CConstant public static final int F_SEAL_SEAL = 1;
    @CConstant public static final int F_SEAL_SHRINK = 2;
    @CConstant public static final int F_SEAL_WRITE = 8;
    @CConstant public static final int F_SETFD = 2;
    @CConstant public static final int F_SETFL = 4;
    @CConstant public static final int F_SETLEASE = 1024;
    @CConstant public static final int F_SETLK = 6;
    @CConstant public static final int F_SETLK64 = 6;
    @CConstant public static final int F_SETLKW = 7;
    @CConstant public static final int F_SETLKW64 = 7;
    @CConstant public static final int F_SETOWN = 8;
    @CConstant public static final int F_SETPIPE_SZ = 1031;
    @CConstant public static final int F_SETSIG = 10;
    @CConstant public static final int F_SHLCK = 8;
    @CConstant public static final int LOCK_MAND = 32;
    @CConstant public static final int LOCK_READ = 64;
    @CConstant public static final int LOCK_RW = 192;
    @CConstant public static final int LOCK_WRITE = 128;
}
