package org.graalpyos.functions.syslog;

import org.graalpyos.nativeapi.CConstant;

/** syslog's LOG_* constants, those CPython 3.12's syslog module defines on Linux, in its order (&lt;syslog.h&gt;). */
public final class SyslogConstants {
    private SyslogConstants() {
    }

    @CConstant public static final int LOG_EMERG = 0;
    @CConstant public static final int LOG_ALERT = 1;
    @CConstant public static final int LOG_CRIT = 2;
    @CConstant public static final int LOG_ERR = 3;
    @CConstant public static final int LOG_WARNING = 4;
    @CConstant public static final int LOG_NOTICE = 5;
    @CConstant public static final int LOG_INFO = 6;
    @CConstant public static final int LOG_DEBUG = 7;
    @CConstant public static final int LOG_PID = 1;
    @CConstant public static final int LOG_CONS = 2;
    @CConstant public static final int LOG_NDELAY = 8;
    @CConstant public static final int LOG_ODELAY = 4;
    @CConstant public static final int LOG_NOWAIT = 16;
    @CConstant public static final int LOG_PERROR = 32;
    @CConstant public static final int LOG_KERN = 0;
    @CConstant public static final int LOG_USER = 8;
    @CConstant public static final int LOG_MAIL = 16;
    @CConstant public static final int LOG_DAEMON = 24;
    @CConstant public static final int LOG_AUTH = 32;
    @CConstant public static final int LOG_LPR = 48;
    @CConstant public static final int LOG_LOCAL0 = 128;
    @CConstant public static final int LOG_LOCAL1 = 136;
    @CConstant public static final int LOG_LOCAL2 = 144;
    @CConstant public static final int LOG_LOCAL3 = 152;
    @CConstant public static final int LOG_LOCAL4 = 160;
    @CConstant public static final int LOG_LOCAL5 = 168;
    @CConstant public static final int LOG_LOCAL6 = 176;
    @CConstant public static final int LOG_LOCAL7 = 184;
    @CConstant public static final int LOG_SYSLOG = 40;
    @CConstant public static final int LOG_CRON = 72;
    @CConstant public static final int LOG_UUCP = 64;
    @CConstant public static final int LOG_NEWS = 56;
    @CConstant public static final int LOG_AUTHPRIV = 80;
}
