package org.graalpyos.nativeapi;

/** Signal numbers and sigprocmask's operations (Linux's; NativeLayoutTest checks them against signal.h). */
public final class Signals {
    private Signals() {
    }

    @CConstant public static final int SIGHUP = 1;
    @CConstant public static final int SIGINT = 2;
    @CConstant public static final int SIGQUIT = 3;
    @CConstant public static final int SIGKILL = 9;
    @CConstant public static final int SIGSEGV = 11;
    @CConstant public static final int SIGPIPE = 13;
    @CConstant public static final int SIGTERM = 15;
    @CConstant public static final int SIGXFSZ = 25;
    /** One more than the largest signal number. */
    @CConstant public static final int NSIG = 65;
    @CConstant public static final int SIG_BLOCK = 0;
    @CConstant public static final int SIG_UNBLOCK = 1;
    @CConstant("(long) SIG_IGN") public static final long SIG_IGN = 1;
}
