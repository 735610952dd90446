package org.graalpyos.functions.posix;

import org.graalpyos.nativeapi.CConstant;

/**
 * os's constants of the I/O functions: eventfd and memfd_create flags, posix_fadvise advice,
 * preadv/pwritev flags, splice flags, statvfs's f_flag bits, extended attributes' flags and size
 * limit, TMP_MAX.
 */
public final class IoConstants {
    private IoConstants() {
    }

    @CConstant public static final int EFD_CLOEXEC = 524288;
    @CConstant public static final int EFD_NONBLOCK = 2048;
    @CConstant public static final int EFD_SEMAPHORE = 1;
    @CConstant public static final int MFD_ALLOW_SEALING = 2;
    @CConstant public static final int MFD_CLOEXEC = 1;
    @CConstant public static final int MFD_HUGETLB = 4;
    @CConstant public static final long MFD_HUGE_16GB = 2281701376L;
    @CConstant public static final int MFD_HUGE_16MB = 1610612736;
    @CConstant public static final int MFD_HUGE_1GB = 2013265920;
    @CConstant public static final int MFD_HUGE_1MB = 1342177280;
    @CConstant public static final int MFD_HUGE_256MB = 1879048192;
    @CConstant public static final int MFD_HUGE_2GB = 2080374784;
    @CConstant public static final int MFD_HUGE_2MB = 1409286144;
    @CConstant public static final int MFD_HUGE_32MB = 1677721600;
    @CConstant public static final int MFD_HUGE_512KB = 1275068416;
    @CConstant public static final int MFD_HUGE_512MB = 1946157056;
    @CConstant public static final int MFD_HUGE_64KB = 1073741824;
    @CConstant public static final int MFD_HUGE_8MB = 1543503872;
    @CConstant public static final int MFD_HUGE_MASK = 63;
    @CConstant public static final int MFD_HUGE_SHIFT = 26;
    @CConstant public static final int POSIX_FADV_DONTNEED = 4;
    @CConstant public static final int POSIX_FADV_NOREUSE = 5;
    @CConstant public static final int POSIX_FADV_NORMAL = 0;
    @CConstant public static final int POSIX_FADV_RANDOM = 1;
    @CConstant public static final int POSIX_FADV_SEQUENTIAL = 2;
    @CConstant public static final int POSIX_FADV_WILLNEED = 3;
    @CConstant public static final int RWF_APPEND = 16;
    @CConstant public static final int RWF_DSYNC = 2;
    @CConstant public static final int RWF_HIPRI = 1;
    @CConstant public static final int RWF_NOWAIT = 8;
    @CConstant public static final int RWF_SYNC = 4;
    @CConstant public static final int SPLICE_F_MORE = 4;
    @CConstant public static final int SPLICE_F_MOVE = 1;
    @CConstant public static final int SPLICE_F_NONBLOCK = 2;
    @CConstant public static final int ST_APPEND = 256;
    @CConstant public static final int ST_MANDLOCK = 64;
    @CConstant public static final int ST_NOATIME = 1024;
    @CConstant public static final int ST_NODEV = 4;
    @CConstant public static final int ST_NODIRATIME = 2048;
    @CConstant public static final int ST_NOEXEC = 8;
    @CConstant public static final int ST_NOSUID = 2;
    @CConstant public static final int ST_RDONLY = 1;
    @CConstant public static final int ST_RELATIME = 4096;
    @CConstant public static final int ST_SYNCHRONOUS = 16;
    @CConstant public static final int ST_WRITE = 128;
    @CConstant public static final int XATTR_CREATE = 1;
    @CConstant public static final int XATTR_REPLACE = 2;
    @CConstant public static final int XATTR_SIZE_MAX = 65536;
    @CConstant public static final int TMP_MAX = 238328;
}
