package org.graalpyos.nativeapi;

/** Signal numbers and sigprocmask's operations (Linux's; NativeLayoutTest checks them against signal.h). */
public final class Signals {
    private Signals() {
    }

    @CConstant public static final int SIGHUP = 1;
    @CConstant public static final int SIGINT = 2;
    @CConstant public static final int SIGQUIT = 3;
    @CConstant public static final int SIGILL = 4;
    @CConstant public static final int SIGTRAP = 5;
    @CConstant public static final int SIGBUS = 7;
    @CConstant public static final int SIGFPE = 8;
    @CConstant public static final int SIGKILL = 9;
    @CConstant public static final int SIGSEGV = 11;
    @CConstant public static final int SIGUSR2 = 12;
    @CConstant public static final int SIGPIPE = 13;
    @CConstant public static final int SIGTERM = 15;
    @CConstant public static final int SIGCHLD = 17;
    @CConstant public static final int SIGCONT = 18;
    @CConstant public static final int SIGTSTP = 20;
    @CConstant public static final int SIGTTIN = 21;
    @CConstant public static final int SIGTTOU = 22;
    @CConstant public static final int SIGURG = 23;
    @CConstant public static final int SIGXFSZ = 25;
    @CConstant public static final int SIGWINCH = 28;
    /** One more than the largest signal number. */
    @CConstant public static final int NSIG = 65;
    @CConstant public static final int SIG_BLOCK = 0;
    @CConstant public static final int SIG_UNBLOCK = 1;
    @CConstant public static final int SIG_SETMASK = 2;
    @CConstant("(long) SIG_IGN") public static final long SIG_IGN = 1;
}
