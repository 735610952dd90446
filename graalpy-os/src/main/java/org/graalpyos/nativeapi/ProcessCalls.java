package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.CRITICAL;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/** Processes: fork, exec, _exit, abort, kill, sessions and process groups, credentials, umask, resource limits, login_tty. */
public final class ProcessCalls {
    private ProcessCalls() {
    }

    /** struct rlimit: rlim_cur, rlim_max, each a 64-bit rlim_t. */
    @CConstant("sizeof(struct rlimit)") public static final long RLIMIT_SIZE = 16;

    static final class Lifecycle {
        static final MethodHandle FORK = downcall("fork", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle KILL = downcall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle ABORT = downcall("abort", FunctionDescriptor.ofVoid());
    }

    /** How a process, a forked child above all, leaves: exec, or _exit; and login_tty, which pty.fork's child calls first. */
    static final class Exit {
        static final MethodHandle EXECVE = downcall("execve", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle FEXECVE = downcall("fexecve", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle LOGIN_TTY = downcall("login_tty", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        /** Critical: a forked child whose copied safepoint state is armed still gets to end. */
        static final MethodHandle EXIT = downcall("_exit", FunctionDescriptor.ofVoid(JAVA_INT), CRITICAL);
        /** _exit's shape, harmless to call: links _exit's call site in a parent about to fork. */
        static final MethodHandle SRAND = downcall("srand", FunctionDescriptor.ofVoid(JAVA_INT), CRITICAL);
        /** The address of libc's {@code char **environ}. */
        static final MemorySegment ENVIRON = Downcalls.symbol("environ").reinterpret(ADDRESS.byteSize());
    }

    /** Sessions, groups, ids, umask, limits: subprocess's child between fork and exec, and their builtins. */
    static final class Credentials {
        static final MethodHandle SETSID = downcall("setsid", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        /** setsid's shape, harmless: links its call site in the parent. */
        static final MethodHandle GETPID = downcall("getpid", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETPGID = downcall("setpgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETREUID = downcall("setreuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETREGID = downcall("setregid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETUID = downcall("setuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETGID = downcall("setgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETEUID = downcall("seteuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETEGID = downcall("setegid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETRESUID = downcall("setresuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETRESGID = downcall("setresgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle GETRESUID = downcall("getresuid", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle GETRESGID = downcall("getresgid", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        /** setgroups(size_t, const gid_t *). */
        static final MethodHandle SETGROUPS = downcall("setgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        /** setgroups' shape, harmless: getgroups(int, gid_t *) reads the size from the low half. */
        static final MethodHandle GETGROUPS = downcall("getgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle UMASK = downcall("umask", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        /** prlimit(pid, resource, new or NULL, old or NULL): also a preexec_fn's resource.setrlimit. */
        static final MethodHandle PRLIMIT = downcall("prlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
    }

    /** Priorities and scheduling policies: os.getpriority, nice, sched_*. */
    static final class Scheduling {
        static final MethodHandle GETPRIORITY = downcall("getpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETPRIORITY = downcall("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle NICE = downcall("nice", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SCHED_YIELD = downcall("sched_yield", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SCHED_GET_PRIORITY_MIN = downcall("sched_get_priority_min", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SCHED_GET_PRIORITY_MAX = downcall("sched_get_priority_max", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SCHED_GETSCHEDULER = downcall("sched_getscheduler", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SCHED_GETPARAM = downcall("sched_getparam", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
    }

    /** A terminal's foreground process group. */
    static final class Terminals {
        static final MethodHandle TCGETPGRP = downcall("tcgetpgrp", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle TCSETPGRP = downcall("tcsetpgrp", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    }

    /** getpriority(2): the priority, which may be -1; an error only if {@link Downcalls#capturedErrno} is not 0. */
    public static int getpriority(MemorySegment errnoState, int which, int who) {
        return Downcalls.callClearingErrno(Scheduling.GETPRIORITY, errnoState, which, who);
    }

    /** nice(3): the new nice value, which may be -1; an error only if {@link Downcalls#capturedErrno} is not 0. */
    public static int nice(MemorySegment errnoState, int increment) {
        return Downcalls.callClearingErrno(Scheduling.NICE, errnoState, increment);
    }

    /** setpriority(2): 0 or -errno. */
    public static int setpriority(MemorySegment errnoState, int which, int who, int priority) {
        return Downcalls.call(Scheduling.SETPRIORITY, errnoState, which, who, priority);
    }

    /** sched_yield(2): 0 or -errno. */
    public static int schedYield(MemorySegment errnoState) {
        return Downcalls.call(Scheduling.SCHED_YIELD, errnoState);
    }

    /** sched_get_priority_min(2) (lowest) or sched_get_priority_max: the priority or -errno. */
    public static int schedPriorityLimit(MemorySegment errnoState, boolean lowest, int policy) {
        return Downcalls.call(lowest ? Scheduling.SCHED_GET_PRIORITY_MIN : Scheduling.SCHED_GET_PRIORITY_MAX, errnoState, policy);
    }

    /** sched_getscheduler(2): the policy or -errno. */
    public static int schedGetscheduler(MemorySegment errnoState, int pid) {
        return Downcalls.call(Scheduling.SCHED_GETSCHEDULER, errnoState, pid);
    }

    /** struct sched_param: one int, sched_priority. */
    @CConstant("sizeof(struct sched_param)") public static final long SCHED_PARAM_SIZE = 4;

    /** sched_getparam(2): the process's scheduling priority or -errno. */
    public static int schedPriority(MemorySegment errnoState, Arena arena, int pid) {
        MemorySegment param = arena.allocate(SCHED_PARAM_SIZE, 4);
        int rc = Downcalls.call(Scheduling.SCHED_GETPARAM, errnoState, pid, param);
        return rc < 0 ? rc : param.get(JAVA_INT, 0);
    }

    /** tcgetpgrp(3): the terminal's foreground process group or -errno. */
    public static int tcgetpgrp(MemorySegment errnoState, int fd) {
        return Downcalls.call(Terminals.TCGETPGRP, errnoState, fd);
    }

    /** tcsetpgrp(3): 0 or -errno. */
    public static int tcsetpgrp(MemorySegment errnoState, int fd, int pgid) {
        return Downcalls.call(Terminals.TCSETPGRP, errnoState, fd, pgid);
    }

    /** fork(2): the pid, 0 in the child, or -errno. */
    public static int fork(MemorySegment errnoState) {
        return Downcalls.call(Lifecycle.FORK, errnoState);
    }

    /** kill(2): 0 or -errno. */
    public static int kill(MemorySegment errnoState, int pid, int signal) {
        return Downcalls.call(Lifecycle.KILL, errnoState, pid, signal);
    }

    /** abort(3): SIGABRT, which the JVM leaves at its default action: the process dies (and dumps core where allowed). */
    public static void abort() {
        Downcalls.callPlainVoid(Lifecycle.ABORT);
    }

    /** _exit(2): ends the process at once, without JVM shutdown (which a forked child cannot do). */
    public static void exitImmediately(int status) {
        Downcalls.callPlainVoid(Exit.EXIT, status);
    }

    /** execve(2), or fexecve(3) of {@code fd} when {@code path} is NULL: returns only on failure, with -errno. */
    public static int execve(MemorySegment errnoState, int fd, MemorySegment path, MemorySegment argv, MemorySegment envp) {
        return path.equals(MemorySegment.NULL) ? Downcalls.call(Exit.FEXECVE, errnoState, fd, argv, envp)
                        : Downcalls.call(Exit.EXECVE, errnoState, path, argv, envp);
    }

    /** The current value of libc's {@code environ}: what execv(3) passes on. */
    public static MemorySegment environ() {
        return Exit.ENVIRON.get(ADDRESS, 0);
    }

    /** login_tty(3): fd becomes the controlling terminal and stdin/stdout/stderr of a new session; 0 or -errno. */
    public static int loginTty(MemorySegment errnoState, int fd) {
        return Downcalls.call(Exit.LOGIN_TTY, errnoState, fd);
    }

    /** getpid(2): this process's id (a forked child's own, where ProcessHandle.current() keeps its parent's). */
    public static int getpid(MemorySegment errnoState) {
        return Downcalls.call(Credentials.GETPID, errnoState);
    }

    /** setsid(2): the new session id or -errno. */
    public static int setsid(MemorySegment errnoState) {
        return Downcalls.call(Credentials.SETSID, errnoState);
    }

    /** setpgid(2): 0 or -errno. */
    public static int setpgid(MemorySegment errnoState, int pid, int pgid) {
        return Downcalls.call(Credentials.SETPGID, errnoState, pid, pgid);
    }

    /** setreuid(2), ids as uid_t bits (-1: unchanged): 0 or -errno. */
    public static int setreuid(MemorySegment errnoState, int ruid, int euid) {
        return Downcalls.call(Credentials.SETREUID, errnoState, ruid, euid);
    }

    /** setregid(2), ids as gid_t bits (-1: unchanged): 0 or -errno. */
    public static int setregid(MemorySegment errnoState, int rgid, int egid) {
        return Downcalls.call(Credentials.SETREGID, errnoState, rgid, egid);
    }

    /**
     * setuid, setgid, seteuid or setegid (by name), the id as its uid_t/gid_t bits: 0 or -errno. glibc
     * applies the change to every thread of the process (its setxid broadcast), the JVM's too.
     */
    public static int setId(MemorySegment errnoState, String function, int id) {
        MethodHandle call = switch (function) {
            case "setuid" -> Credentials.SETUID;
            case "setgid" -> Credentials.SETGID;
            case "seteuid" -> Credentials.SETEUID;
            case "setegid" -> Credentials.SETEGID;
            default -> throw new IllegalArgumentException(function);
        };
        return Downcalls.call(call, errnoState, id);
    }

    /** setresuid(2) (user) or setresgid(2): 0 or -errno. */
    public static int setRealEffectiveSaved(MemorySegment errnoState, boolean user, int real, int effective, int saved) {
        return Downcalls.call(user ? Credentials.SETRESUID : Credentials.SETRESGID, errnoState, real, effective, saved);
    }

    /** getresuid(2) (user) or getresgid(2) into three uid_t/gid_t of {@code ids}: 0 or -errno. */
    public static int getRealEffectiveSaved(MemorySegment errnoState, boolean user, MemorySegment ids) {
        return Downcalls.call(user ? Credentials.GETRESUID : Credentials.GETRESGID, errnoState, ids, ids.asSlice(4), ids.asSlice(8));
    }

    /** setgroups(2) with these gid_t values (their bits): 0 or -errno. */
    public static int setgroups(Arena arena, MemorySegment errnoState, int[] groups) {
        MemorySegment list = groups.length == 0 ? MemorySegment.NULL : arena.allocate(JAVA_INT, groups.length);
        for (int i = 0; i < groups.length; i++) {
            list.setAtIndex(JAVA_INT, i, groups[i]);
        }
        return Downcalls.call(Credentials.SETGROUPS, errnoState, (long) groups.length, list);
    }

    /** umask(2): the previous mask (it cannot fail). */
    public static int umask(MemorySegment errnoState, int mask) {
        return Downcalls.call(Credentials.UMASK, errnoState, mask);
    }

    /** prlimit(2): {@code newLimit} (NULL: none) is set, {@code oldLimit} (NULL: none) receives the previous limits; 0 or -errno. */
    public static int prlimit(MemorySegment errnoState, int pid, int resource, MemorySegment newLimit, MemorySegment oldLimit) {
        return Downcalls.call(Credentials.PRLIMIT, errnoState, pid, resource, newLimit, oldLimit);
    }

    // ---- affinity, more of scheduling, times, pidfd_open, namespaces (osfuncs) ----

    /** CPU sets, the round-robin quantum, setting the scheduling parameters and policy, times, pidfd_open, unshare, setns. */
    static final class MoreScheduling {
        static final MethodHandle SCHED_GETAFFINITY = downcall("sched_getaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SCHED_SETAFFINITY = downcall("sched_setaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SCHED_RR_GET_INTERVAL = downcall("sched_rr_get_interval", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SCHED_SETPARAM = downcall("sched_setparam", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SCHED_SETSCHEDULER = downcall("sched_setscheduler", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle TIMES = downcall("times", FunctionDescriptor.of(JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SYSCONF = downcall("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));
        /** glibc 2.36+. */
        static final MethodHandle PIDFD_OPEN = Downcalls.downcallIfPresent("pidfd_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle UNSHARE = downcall("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SETNS = downcall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    }

    @CConstant("sizeof(struct tms)") public static final long TMS_SIZE = 32;
    @CConstant("sizeof(struct timespec)") public static final long TIMESPEC_SIZE = 16;
    @CConstant("_SC_CLK_TCK") private static final int SC_CLK_TCK = 2;

    /** sched_getaffinity(2) into {@code mask} (its size is the CPU set's): 0 or -errno (EINVAL: the set is too small). */
    public static int schedGetaffinity(MemorySegment errnoState, int pid, MemorySegment mask) {
        return Downcalls.call(MoreScheduling.SCHED_GETAFFINITY, errnoState, pid, mask.byteSize(), mask);
    }

    public static int schedSetaffinity(MemorySegment errnoState, int pid, MemorySegment mask) {
        return Downcalls.call(MoreScheduling.SCHED_SETAFFINITY, errnoState, pid, mask.byteSize(), mask);
    }

    /** sched_rr_get_interval(2) into {@code timespec}: 0 or -errno. */
    public static int schedRrGetInterval(MemorySegment errnoState, int pid, MemorySegment timespec) {
        return Downcalls.call(MoreScheduling.SCHED_RR_GET_INTERVAL, errnoState, pid, timespec);
    }

    /** sched_setparam(2) with {@code priority}: 0 or -errno. */
    public static int schedSetparam(MemorySegment errnoState, Arena arena, int pid, int priority) {
        MemorySegment param = arena.allocate(SCHED_PARAM_SIZE, 4);
        param.set(JAVA_INT, 0, priority);
        return Downcalls.call(MoreScheduling.SCHED_SETPARAM, errnoState, pid, param);
    }

    /** sched_setscheduler(2) with {@code priority}: the previous policy or -errno. */
    public static int schedSetscheduler(MemorySegment errnoState, Arena arena, int pid, int policy, int priority) {
        MemorySegment param = arena.allocate(SCHED_PARAM_SIZE, 4);
        param.set(JAVA_INT, 0, priority);
        return Downcalls.call(MoreScheduling.SCHED_SETSCHEDULER, errnoState, pid, policy, param);
    }

    /** times(2) into {@code tms} ({@link #TMS_SIZE}): the elapsed clock ticks or -errno. */
    public static long times(MemorySegment errnoState, MemorySegment tms) {
        return Downcalls.callSize(MoreScheduling.TIMES, errnoState, tms);
    }

    /** sysconf(_SC_CLK_TCK): clock ticks per second. */
    public static long clockTicks() {
        return Downcalls.callPlainLong(MoreScheduling.SYSCONF, SC_CLK_TCK);
    }

    /** pidfd_open(2): the fd or -errno (-ENOSYS where libc lacks it). */
    public static int pidfdOpen(MemorySegment errnoState, int pid, int flags) {
        return MoreScheduling.PIDFD_OPEN == null ? -Errno.ENOSYS : Downcalls.call(MoreScheduling.PIDFD_OPEN, errnoState, pid, flags);
    }

    public static int unshare(MemorySegment errnoState, int flags) {
        return Downcalls.call(MoreScheduling.UNSHARE, errnoState, flags);
    }

    public static int setns(MemorySegment errnoState, int fd, int nstype) {
        return Downcalls.call(MoreScheduling.SETNS, errnoState, fd, nstype);
    }
}
