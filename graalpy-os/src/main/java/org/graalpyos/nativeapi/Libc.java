package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Every FFM downcall and struct layout of the project, in one place. Handles are grouped in
 * holder classes so that a process that never spawns never links the spawn functions (start-up
 * cost is paid per group, once).
 */
public final class Libc {
    private Libc() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO = Linker.Option.captureStateLayout()
                    .varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** Size of glibc's capture-state segment for {@link #errno(MemorySegment)}. */
    public static MemorySegment allocateErrnoState(Arena arena) {
        return arena.allocate(Linker.Option.captureStateLayout());
    }

    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    static boolean has(String name) {
        return LIBC.find(name).isPresent();
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    // ---- struct sizes (glibc, x86_64 and aarch64 alike) ----
    @CConstant("sizeof(sigset_t)") public static final long SIGSET_SIZE = 128;
    @CConstant("sizeof(posix_spawn_file_actions_t)") public static final long FILE_ACTIONS_SIZE = 80;
    @CConstant("sizeof(posix_spawnattr_t)") public static final long SPAWNATTR_SIZE = 336;
    @CConstant("sizeof(siginfo_t)") public static final long SIGINFO_SIZE = 128;
    @CConstant("sizeof(struct rusage)") public static final long RUSAGE_SIZE = 144;

    // ---- misc ----
    private static final class Misc {
        static final MethodHandle STRERROR = downcall("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        static final MethodHandle CONFSTR = downcall("confstr", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
    }

    /** The C library's message for an errno value, as CPython's os.strerror gives it. */
    public static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) Misc.STRERROR.invokeExact(errno);
            return s.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- threads ----
    private static final class Threads {
        static final MethodHandle GETTID = downcall("gettid", FunctionDescriptor.of(JAVA_INT));
    }

    /** gettid(2): the kernel's id of the calling thread. */
    public static int gettid() {
        try {
            return (int) Threads.GETTID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- directories ----
    private static final class Directory {
        static final MethodHandle OPENDIR = downcall("opendir", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle READDIR = downcall("readdir", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle CLOSEDIR = downcall("closedir", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        /** After d_ino, d_off, d_reclen and d_type of glibc's 64-bit struct dirent. */
        @CConstant("offsetof(struct dirent64, d_name)") static final long NAME_OFFSET = 19;
    }

    /**
     * The names in a directory (with "." and ".."), null if it cannot be opened. opendir opens
     * close-on-exec; for /proc/self/fd this is a few syscalls where java.nio's directory stream
     * costs a Path per entry.
     */
    public static List<String> directoryEntries(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dir = (MemorySegment) Directory.OPENDIR.invokeExact(arena.allocateFrom(path));
            if (dir.equals(MemorySegment.NULL)) {
                return null;
            }
            List<String> names = new ArrayList<>();
            try {
                for (MemorySegment entry = (MemorySegment) Directory.READDIR.invokeExact(dir); !entry.equals(MemorySegment.NULL);
                                entry = (MemorySegment) Directory.READDIR.invokeExact(dir)) {
                    names.add(entry.reinterpret(Directory.NAME_OFFSET + 256).getString(Directory.NAME_OFFSET));
                }
            } finally {
                int closed = (int) Directory.CLOSEDIR.invokeExact(dir);
            }
            return names;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** confstr(3): the value, null when the name has no value; throws {@link NativeError} on EINVAL. */
    public static String confstr(int name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = allocateErrnoState(arena);
            long needed = (long) Misc.CONFSTR.invokeExact(errnoState, name, MemorySegment.NULL, 0L);
            if (needed == 0) {
                int err = errno(errnoState);
                if (err != 0) {
                    throw new NativeError(err);
                }
                return null;
            }
            MemorySegment buf = arena.allocate(needed);
            long n = (long) Misc.CONFSTR.invokeExact(errnoState, name, buf, needed);
            if (n == 0) {
                throw new NativeError(errno(errnoState));
            }
            return buf.getString(0);
        } catch (NativeError e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- posix_spawn and its file actions / attributes ----
    private static final class Spawn {
        static final FunctionDescriptor SPAWN_DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle POSIX_SPAWN = downcall("posix_spawn", SPAWN_DESC);
        static final MethodHandle POSIX_SPAWNP = downcall("posix_spawnp", SPAWN_DESC);
        static final MethodHandle FA_INIT = downcall("posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle FA_DESTROY = downcall("posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle FA_OPEN = downcall("posix_spawn_file_actions_addopen",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle FA_CLOSE = downcall("posix_spawn_file_actions_addclose", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle FA_DUP2 = downcall("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle ATTR_INIT = downcall("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle ATTR_DESTROY = downcall("posix_spawnattr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle ATTR_SETFLAGS = downcall("posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, ValueLayout.JAVA_SHORT));
        static final MethodHandle ATTR_SETPGROUP = downcall("posix_spawnattr_setpgroup", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle ATTR_SETSIGMASK = downcall("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle ATTR_SETSIGDEFAULT = downcall("posix_spawnattr_setsigdefault", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle ATTR_SETSCHEDPOLICY = downcall("posix_spawnattr_setschedpolicy", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle ATTR_SETSCHEDPARAM = downcall("posix_spawnattr_setschedparam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SIGEMPTYSET = downcall("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle SIGADDSET = downcall("sigaddset", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle SIGDELSET = downcall("sigdelset", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle PTHREAD_SIGMASK = downcall("pthread_sigmask", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class SpawnCloseFrom {
        static final MethodHandle FA_CLOSEFROM = has("posix_spawn_file_actions_addclosefrom_np")
                        ? downcall("posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT))
                        : null;
    }

    private static final class SpawnChdir {
        static final MethodHandle FA_CHDIR = has("posix_spawn_file_actions_addchdir_np")
                        ? downcall("posix_spawn_file_actions_addchdir_np", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS))
                        : null;
    }

    /** Whether glibc (2.29+) offers posix_spawn_file_actions_addchdir_np. */
    public static boolean hasSpawnChdir() {
        return SpawnChdir.FA_CHDIR != null;
    }

    /** Whether glibc offers posix_spawn_file_actions_addclosefrom_np (POSIX_SPAWN_CLOSEFROM). */
    public static boolean hasSpawnCloseFrom() {
        return SpawnCloseFrom.FA_CLOSEFROM != null;
    }

    public static int posixSpawn(boolean searchPath, MemorySegment pidOut, MemorySegment path, MemorySegment fileActions,
                    MemorySegment attr, MemorySegment argv, MemorySegment envp) {
        try {
            MethodHandle h = searchPath ? Spawn.POSIX_SPAWNP : Spawn.POSIX_SPAWN;
            return (int) h.invokeExact(pidOut, path, fileActions, attr, argv, envp);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsInit(MemorySegment fa) {
        try {
            return (int) Spawn.FA_INIT.invokeExact(fa);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsDestroy(MemorySegment fa) {
        try {
            return (int) Spawn.FA_DESTROY.invokeExact(fa);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsAddOpen(MemorySegment fa, int fd, MemorySegment path, int oflag, int mode) {
        try {
            return (int) Spawn.FA_OPEN.invokeExact(fa, fd, path, oflag, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsAddClose(MemorySegment fa, int fd) {
        try {
            return (int) Spawn.FA_CLOSE.invokeExact(fa, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsAddDup2(MemorySegment fa, int fd, int newFd) {
        try {
            return (int) Spawn.FA_DUP2.invokeExact(fa, fd, newFd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsAddCloseFrom(MemorySegment fa, int fd) {
        try {
            return (int) SpawnCloseFrom.FA_CLOSEFROM.invokeExact(fa, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fileActionsAddChdir(MemorySegment fa, MemorySegment path) {
        try {
            return (int) SpawnChdir.FA_CHDIR.invokeExact(fa, path);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrInit(MemorySegment attr) {
        try {
            return (int) Spawn.ATTR_INIT.invokeExact(attr);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrDestroy(MemorySegment attr) {
        try {
            return (int) Spawn.ATTR_DESTROY.invokeExact(attr);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrSetFlags(MemorySegment attr, short flags) {
        try {
            return (int) Spawn.ATTR_SETFLAGS.invokeExact(attr, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrSetPgroup(MemorySegment attr, int pgroup) {
        try {
            return (int) Spawn.ATTR_SETPGROUP.invokeExact(attr, pgroup);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrSetSigmask(MemorySegment attr, MemorySegment sigset) {
        try {
            return (int) Spawn.ATTR_SETSIGMASK.invokeExact(attr, sigset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrSetSigdefault(MemorySegment attr, MemorySegment sigset) {
        try {
            return (int) Spawn.ATTR_SETSIGDEFAULT.invokeExact(attr, sigset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrSetSchedPolicy(MemorySegment attr, int policy) {
        try {
            return (int) Spawn.ATTR_SETSCHEDPOLICY.invokeExact(attr, policy);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int spawnAttrSetSchedParam(MemorySegment attr, MemorySegment schedParam) {
        try {
            return (int) Spawn.ATTR_SETSCHEDPARAM.invokeExact(attr, schedParam);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int sigemptyset(MemorySegment set) {
        try {
            return (int) Spawn.SIGEMPTYSET.invokeExact(set);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** sigaddset(3): 0, or -1 when glibc rejects the number (reserved real-time signals). */
    public static int sigaddset(MemorySegment errnoState, MemorySegment set, int signum) {
        try {
            return (int) Spawn.SIGADDSET.invokeExact(errnoState, set, signum);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** sigdelset(3). */
    public static int sigdelset(MemorySegment set, int signum) {
        try {
            return (int) Spawn.SIGDELSET.invokeExact(set, signum);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pthread_sigmask(3): 0 or an error number; {@code set} may be NULL to read the mask into {@code old}. */
    public static int pthreadSigmask(int how, MemorySegment set, MemorySegment old) {
        try {
            return (int) Spawn.PTHREAD_SIGMASK.invokeExact(how, set, old);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Signal numbers in [1, NSIG) that sigaddset(3) rejects (glibc keeps some for itself). */
    public static int[] reservedSignals() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate(SIGSET_SIZE, 8);
            MemorySegment errnoState = allocateErrnoState(arena);
            sigemptyset(set);
            return java.util.stream.IntStream.range(1, Signals.NSIG).filter(signal -> sigaddset(errnoState, set, signal) != 0).toArray();
        }
    }

    // ---- process and fd primitives of the fork protocol ----
    /**
     * fork and _exit are "critical" downcalls: no Java thread-state transition around them, so
     * a child whose copied safepoint state is armed still gets to run its first statements.
     */
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    private static final class Process {
        static final MethodHandle FORK = downcall("fork", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle EXIT = downcall("_exit", FunctionDescriptor.ofVoid(JAVA_INT), CRITICAL);
        static final MethodHandle ABORT = downcall("abort", FunctionDescriptor.ofVoid());
        /** Same signature as _exit, harmless to call: links _exit's call path in the parent. */
        static final MethodHandle SRAND = downcall("srand", FunctionDescriptor.ofVoid(JAVA_INT), CRITICAL);
        static final MethodHandle KILL = downcall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle PIPE2 = downcall("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle READ = downcall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle WRITE = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle WRITE_CRITICAL = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CRITICAL);
        static final MethodHandle POLL = downcall("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle DUP3 = downcall("dup3", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle EXECVE = downcall("execve", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle FEXECVE = downcall("fexecve", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle ACCESS = downcall("access", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle LOGIN_TTY = downcall("login_tty", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        /** Same signature as login_tty, harmless: links login_tty's call path in the parent. */
        static final MethodHandle CLOSE_CAPTURING = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle NANOSLEEP = downcall("nanosleep", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL);
    }

    @CConstant public static final int O_RDONLY = 0;
    @CConstant public static final int O_CLOEXEC = 0x80000;
    @CConstant public static final short POLLIN = 1;

    /** execve(2), or fexecve(3) when {@code path} is NULL: returns errno (it returns only on failure). */
    public static int execve(MemorySegment errnoState, int fd, MemorySegment path, MemorySegment argv, MemorySegment envp) {
        try {
            int ignored = path.equals(MemorySegment.NULL) ? (int) Process.FEXECVE.invokeExact(errnoState, fd, argv, envp)
                            : (int) Process.EXECVE.invokeExact(errnoState, path, argv, envp);
            return errno(errnoState);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @CConstant public static final int F_OK = 0;

    /** access(2) with F_OK: 0 when {@code path} exists, else errno (ENOENT, ENOTDIR, EACCES, ...). */
    public static int existence(MemorySegment errnoState, MemorySegment path) {
        try {
            int rc = (int) Process.ACCESS.invokeExact(errnoState, path, F_OK);
            return rc < 0 ? errno(errnoState) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** login_tty(3): fd becomes the controlling terminal and stdin/stdout/stderr of a new session; 0 or -errno. */
    public static int loginTty(MemorySegment errnoState, int fd) {
        int rc = invokeCapturingIntToInt(Process.LOGIN_TTY, errnoState, fd);
        return rc < 0 ? -errno(errnoState) : 0;
    }

    private static int invokeCapturingIntToInt(MethodHandle handle, MemorySegment errnoState, int argument) {
        try {
            return (int) handle.invokeExact(errnoState, argument);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** fork(2): the pid, 0 in the child, or -errno. */
    public static int fork(MemorySegment errnoState) {
        try {
            int pid = (int) Process.FORK.invokeExact(errnoState);
            return pid < 0 ? -errno(errnoState) : pid;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** abort(3): SIGABRT, which the JVM leaves at its default action: the process dies (and dumps core where allowed). */
    public static void abort() {
        try {
            Process.ABORT.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** _exit(2): ends the process at once, without JVM shutdown (which a forked child cannot do). */
    public static void exitImmediately(int status) {
        invokeIntToVoid(Process.EXIT, status);
    }

    /**
     * Links, in a parent about to fork, every call path its child takes before it has checked that
     * no dead thread holds a JVM lock: linking a call site or creating a native wrapper in the
     * child could block on such a lock (CodeCache_lock, seen) forever.
     */
    public static void linkForkChildCalls(MemorySegment scratch) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = allocateErrnoState(arena);
            invokeCapturingIntToInt(Process.CLOSE_CAPTURING, errnoState, -1);
            MemorySegment strings = CStrings.array(arena, java.util.List.of(new byte[0]));
            execve(errnoState, -1, arena.allocate(1), strings, strings); // "": ENOENT
            errno(errnoState);
        }
        invokeIntToVoid(Process.SRAND, 1);
        writeCritical(-1, scratch, 0);
        MemorySegment zeroTimespec = scratch.asSlice(0, 16).fill((byte) 0);
        sleepCritical(zeroTimespec);
        close(-1);
    }

    private static void invokeIntToVoid(MethodHandle handle, int argument) {
        try {
            handle.invokeExact(argument);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int kill(int pid, int signal) {
        try {
            return (int) Process.KILL.invokeExact(pid, signal);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pipe2(2) with O_CLOEXEC into {@code fds} (two ints); 0 or -errno. */
    public static int pipeCloexec(MemorySegment errnoState, MemorySegment fds) {
        try {
            int rc = (int) Process.PIPE2.invokeExact(errnoState, fds, O_CLOEXEC);
            return rc < 0 ? -errno(errnoState) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int close(int fd) {
        try {
            return (int) Process.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long read(int fd, MemorySegment buffer, long count) {
        try {
            return (long) Process.READ.invokeExact(fd, buffer, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long write(int fd, MemorySegment buffer, long count) {
        try {
            return (long) Process.WRITE.invokeExact(fd, buffer, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** write(2) without a thread-state transition: safe while a safepoint may be armed. */
    public static long writeCritical(int fd, MemorySegment buffer, long count) {
        try {
            return (long) Process.WRITE_CRITICAL.invokeExact(fd, buffer, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** poll(2) on one fd for input: &gt;0 readable or hung up, 0 timeout, -errno. */
    public static int pollIn(MemorySegment errnoState, MemorySegment pollfd, int fd, int timeoutMillis) {
        pollfd.set(JAVA_INT, 0, fd);
        pollfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
        pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        try {
            int rc = (int) Process.POLL.invokeExact(errnoState, pollfd, 1L, timeoutMillis);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @CConstant("sizeof(struct pollfd)") public static final long POLLFD_SIZE = 8;

    /** open(2) read-only, close-on-exec: the fd or -errno. */
    public static int openReadOnly(MemorySegment errnoState, MemorySegment path) {
        try {
            int fd = (int) Process.OPEN.invokeExact(errnoState, path, O_RDONLY | O_CLOEXEC);
            return fd < 0 ? -errno(errnoState) : fd;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** dup3(2): 0 or -errno. */
    public static int dup3(MemorySegment errnoState, int oldFd, int newFd, int flags) {
        try {
            int rc = (int) Process.DUP3.invokeExact(errnoState, oldFd, newFd, flags);
            return rc < 0 ? -errno(errnoState) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static final class SignalDispatch {
        static final MethodHandle SEM_WAIT = downcall("sem_wait", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle RAISE = downcall("raise", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /** raise(3): sends signal to the calling thread. */
    public static int raise(int signal) {
        try {
            return (int) SignalDispatch.RAISE.invokeExact(signal);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** sem_wait(3): 0, or -errno (EINTR when a signal interrupted the wait). */
    public static int semWait(MemorySegment errnoState, MemorySegment semaphore) {
        try {
            int rc = (int) SignalDispatch.SEM_WAIT.invokeExact(errnoState, semaphore);
            return rc < 0 ? -errno(errnoState) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** nanosleep(2) without a thread-state transition (the watchdog's tick). */
    public static void sleepCritical(MemorySegment timespec) {
        try {
            int ignored = (int) Process.NANOSLEEP.invokeExact(timespec, MemorySegment.NULL);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- sockets: sendmsg/recvmsg, for SCM_RIGHTS fd passing ----
    private static final class Sockets {
        static final FunctionDescriptor MSG_DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle SENDMSG = downcall("sendmsg", MSG_DESC, CAPTURE_ERRNO);
        static final MethodHandle RECVMSG = downcall("recvmsg", MSG_DESC, CAPTURE_ERRNO);
        static final MethodHandle SOCKETPAIR = downcall("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                        CAPTURE_ERRNO);
    }

    @CConstant public static final int SOCK_CLOEXEC = O_CLOEXEC;

    /** socketpair(2) into {@code fds} (two ints): 0 or -errno. */
    public static int socketpair(MemorySegment errnoState, int domain, int type, int protocol, MemorySegment fds) {
        try {
            int rc = (int) Sockets.SOCKETPAIR.invokeExact(errnoState, domain, type, protocol, fds);
            return rc < 0 ? -errno(errnoState) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** struct msghdr: name, namelen (+pad), iov, iovlen, control, controllen, flags (+pad). */
    @CConstant("sizeof(struct msghdr)") public static final long MSGHDR_SIZE = 56;
    @CConstant("offsetof(struct msghdr, msg_iov)") public static final long MSGHDR_IOV = 16;
    @CConstant("offsetof(struct msghdr, msg_iovlen)") public static final long MSGHDR_IOVLEN = 24;
    @CConstant("offsetof(struct msghdr, msg_control)") public static final long MSGHDR_CONTROL = 32;
    @CConstant("offsetof(struct msghdr, msg_controllen)") public static final long MSGHDR_CONTROLLEN = 40;
    @CConstant("offsetof(struct msghdr, msg_flags)") public static final long MSGHDR_FLAGS = 48;
    /** struct iovec: base, len. */
    @CConstant("sizeof(struct iovec)") public static final long IOVEC_SIZE = 16;
    /** struct cmsghdr: size_t len, int level, int type, then the data (CMSG_ALIGN'ed to 8). */
    @CConstant("CMSG_LEN(0)") public static final long CMSGHDR_SIZE = 16;
    @CConstant("offsetof(struct cmsghdr, cmsg_level)") public static final long CMSGHDR_LEVEL = 8;
    @CConstant("offsetof(struct cmsghdr, cmsg_type)") public static final long CMSGHDR_TYPE = 12;
    @CConstant public static final int SOL_SOCKET = 1;
    @CConstant public static final int SCM_RIGHTS = 1;

    /** sendmsg(2): bytes sent or -errno. */
    public static long sendmsg(MemorySegment errnoState, int fd, MemorySegment msghdr, int flags) {
        return invokeMessage(Sockets.SENDMSG, errnoState, fd, msghdr, flags);
    }

    /** recvmsg(2): bytes received or -errno. */
    public static long recvmsg(MemorySegment errnoState, int fd, MemorySegment msghdr, int flags) {
        return invokeMessage(Sockets.RECVMSG, errnoState, fd, msghdr, flags);
    }

    /** sendmsg and recvmsg's shape: (fd, msghdr, flags) → ssize_t, or -errno. */
    private static long invokeMessage(MethodHandle handle, MemorySegment errnoState, int fd, MemorySegment msghdr, int flags) {
        try {
            long n = (long) handle.invokeExact(errnoState, fd, msghdr, flags);
            return n < 0 ? -errno(errnoState) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- wait family ----
    private static final class Wait {
        static final MethodHandle WAIT4 = downcall("wait4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle WAITID = downcall("waitid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    }

    public static int wait4(MemorySegment errnoState, int pid, MemorySegment status, int options, MemorySegment rusage) {
        try {
            return (int) Wait.WAIT4.invokeExact(errnoState, pid, status, options, rusage);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int waitid(MemorySegment errnoState, int idtype, int id, MemorySegment siginfo, int options) {
        try {
            return (int) Wait.WAITID.invokeExact(errnoState, idtype, id, siginfo, options);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- waking a wait: a pidfd for the child, an eventfd for Truffle's interrupts ----
    private static final class WaitWakeUp {
        static final MethodHandle EVENTFD = downcall("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
        /** glibc 2.36+; without it, waits on one child poll on a timer like the others. */
        static final MethodHandle PIDFD_OPEN = has("pidfd_open")
                        ? downcall("pidfd_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO)
                        : null;
    }

    @CConstant private static final int EFD_NONBLOCK = 0x800;

    /** eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK): the fd or -errno. */
    public static int eventfd(MemorySegment errnoState) {
        try {
            int fd = (int) WaitWakeUp.EVENTFD.invokeExact(errnoState, 0, O_CLOEXEC | EFD_NONBLOCK);
            return fd < 0 ? -errno(errnoState) : fd;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pidfd_open(pid, 0) (close-on-exec): the fd or -errno; -ENOSYS where libc lacks it. */
    public static int pidfdOpen(MemorySegment errnoState, int pid) {
        if (WaitWakeUp.PIDFD_OPEN == null) {
            return -Errno.ENOSYS;
        }
        try {
            int fd = (int) WaitWakeUp.PIDFD_OPEN.invokeExact(errnoState, pid, 0);
            return fd < 0 ? -errno(errnoState) : fd;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * poll(2) for input on {@code fds} (negative ones are skipped, as poll does) into
     * {@code pollfds} ({@link #POLLFD_SIZE} each): the count of ready fds, 0 on timeout, -errno.
     */
    public static int pollIn(MemorySegment errnoState, MemorySegment pollfds, int[] fds, int timeoutMillis) {
        for (int i = 0; i < fds.length; i++) {
            pollfds.set(JAVA_INT, i * POLLFD_SIZE, fds[i]);
            pollfds.set(ValueLayout.JAVA_SHORT, i * POLLFD_SIZE + 4, POLLIN);
            pollfds.set(ValueLayout.JAVA_SHORT, i * POLLFD_SIZE + 6, (short) 0);
        }
        try {
            int rc = (int) Process.POLL.invokeExact(errnoState, pollfds, (long) fds.length, timeoutMillis);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Whether entry {@code index} of the last {@link #pollIn(MemorySegment, MemorySegment, int[], int)} had an event. */
    public static boolean polledReady(MemorySegment pollfds, int index) {
        return pollfds.get(ValueLayout.JAVA_SHORT, index * POLLFD_SIZE + 6) != 0;
    }

    // ---- credentials, and subprocess's child between fork and exec (CPython's child_exec) ----
    /**
     * Every handle has the errno capture, so handles of one shape share one call path: each
     * {@code invokeN} helper below is one call site per shape, which {@link #linkSubprocessChildCalls}
     * links in the parent with a harmless twin of the same shape (a forked child must not link).
     */
    private static final class Child {
        static final FunctionDescriptor INT_OF_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        static final FunctionDescriptor INT_OF_2_INTS = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
        static final MethodHandle SETSID = downcall("setsid", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle GETPID = downcall("getpid", FunctionDescriptor.of(JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle UMASK = downcall("umask", INT_OF_INT, CAPTURE_ERRNO);
        static final MethodHandle CLOSE = downcall("close", INT_OF_INT, CAPTURE_ERRNO);
        static final MethodHandle DUP2 = downcall("dup2", INT_OF_2_INTS, CAPTURE_ERRNO);
        static final MethodHandle SETPGID = downcall("setpgid", INT_OF_2_INTS, CAPTURE_ERRNO);
        static final MethodHandle SETREUID = downcall("setreuid", INT_OF_2_INTS, CAPTURE_ERRNO);
        static final MethodHandle SETREGID = downcall("setregid", INT_OF_2_INTS, CAPTURE_ERRNO);
        static final MethodHandle FCNTL = downcall("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                        CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
        static final MethodHandle CLOSE_RANGE = has("close_range")
                        ? downcall("close_range", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO)
                        : null;
        static final MethodHandle SYSCONF = downcall("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle CHDIR = downcall("chdir", FunctionDescriptor.of(JAVA_INT, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle SIGACTION = downcall("sigaction", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        /** setgroups(size_t, const gid_t *); its twin getgroups(int, gid_t *) reads the size from the low half. */
        static final MethodHandle SETGROUPS = downcall("setgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        static final MethodHandle GETGROUPS = downcall("getgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
        /** prlimit(pid, resource, new or NULL, old or NULL): a preexec_fn's resource.setrlimit. */
        static final MethodHandle PRLIMIT = downcall("prlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
        /** The address of libc's {@code char **environ}. */
        static final MemorySegment ENVIRON = LIBC.find("environ").orElseThrow(() -> new UnsatisfiedLinkError("libc has no environ"))
                        .reinterpret(ADDRESS.byteSize());
    }

    @CConstant public static final int F_GETFD = 1;
    @CConstant public static final int F_SETFD = 2;
    @CConstant public static final int FD_CLOEXEC = 1;
    @CConstant public static final int F_DUPFD_CLOEXEC = 1030;
    @CConstant("_SC_OPEN_MAX") private static final int SC_OPEN_MAX = 4;
    @CConstant private static final int RLIMIT_NOFILE = 7;
    /** All zero is SIG_DFL, no flags, empty mask. */
    @CConstant("sizeof(struct sigaction)") public static final long SIGACTION_SIZE = 152;

    private static int invoke0(MethodHandle handle, MemorySegment errnoState) {
        try {
            int rc = (int) handle.invokeExact(errnoState);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int invoke1(MethodHandle handle, MemorySegment errnoState, int a) {
        try {
            int rc = (int) handle.invokeExact(errnoState, a);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int invoke2(MethodHandle handle, MemorySegment errnoState, int a, int b) {
        try {
            int rc = (int) handle.invokeExact(errnoState, a, b);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int invoke3(MethodHandle handle, MemorySegment errnoState, int a, int b, int c) {
        try {
            int rc = (int) handle.invokeExact(errnoState, a, b, c);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int invokeLongAddress(MethodHandle handle, MemorySegment errnoState, long a, MemorySegment b) {
        try {
            int rc = (int) handle.invokeExact(errnoState, a, b);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** setsid(2): the new session id or -errno. */
    public static int setsid(MemorySegment errnoState) {
        return invoke0(Child.SETSID, errnoState);
    }

    /** umask(2): the previous mask (it cannot fail). */
    public static int umask(MemorySegment errnoState, int mask) {
        return invoke1(Child.UMASK, errnoState, mask);
    }

    /** close(2): 0 or -errno. */
    public static int closeChecked(MemorySegment errnoState, int fd) {
        return invoke1(Child.CLOSE, errnoState, fd);
    }

    /** dup2(2): the new fd or -errno. */
    public static int dup2(MemorySegment errnoState, int fd, int newFd) {
        return invoke2(Child.DUP2, errnoState, fd, newFd);
    }

    /** setpgid(2): 0 or -errno. */
    public static int setpgid(MemorySegment errnoState, int pid, int pgid) {
        return invoke2(Child.SETPGID, errnoState, pid, pgid);
    }

    /** setreuid(2), ids as uid_t bits (-1: unchanged): 0 or -errno. */
    public static int setreuid(MemorySegment errnoState, int ruid, int euid) {
        return invoke2(Child.SETREUID, errnoState, ruid, euid);
    }

    /** setregid(2), ids as gid_t bits (-1: unchanged): 0 or -errno. */
    public static int setregid(MemorySegment errnoState, int rgid, int egid) {
        return invoke2(Child.SETREGID, errnoState, rgid, egid);
    }

    /** fcntl(2) with an int argument: its result or -errno. */
    public static int fcntl(MemorySegment errnoState, int fd, int command, int argument) {
        return invoke3(Child.FCNTL, errnoState, fd, command, argument);
    }

    /** close_range(2) with no flags: 0 or -errno (-ENOSYS where libc lacks it). */
    public static int closeRange(MemorySegment errnoState, int first, int last) {
        return Child.CLOSE_RANGE == null ? -Errno.ENOSYS : invoke3(Child.CLOSE_RANGE, errnoState, first, last, 0);
    }

    /** sysconf(_SC_OPEN_MAX), or -1 when it is unknown. */
    public static long openMax(MemorySegment errnoState) {
        try {
            return (long) Child.SYSCONF.invokeExact(errnoState, SC_OPEN_MAX);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** chdir(2): 0 or -errno. */
    public static int chdir(MemorySegment errnoState, MemorySegment path) {
        try {
            int rc = (int) Child.CHDIR.invokeExact(errnoState, path);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** sigaction(2) with {@code action} (or NULL) and {@code old} (or NULL): 0 or -errno. */
    public static int sigaction(MemorySegment errnoState, int signal, MemorySegment action, MemorySegment old) {
        try {
            int rc = (int) Child.SIGACTION.invokeExact(errnoState, signal, action, old);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** setgroups(2) with these gid_t values (their bits): 0 or -errno. */
    public static int setgroups(Arena arena, MemorySegment errnoState, int[] groups) {
        MemorySegment list = groups.length == 0 ? MemorySegment.NULL : arena.allocate(JAVA_INT, groups.length);
        for (int i = 0; i < groups.length; i++) {
            list.setAtIndex(JAVA_INT, i, groups[i]);
        }
        return invokeLongAddress(Child.SETGROUPS, errnoState, groups.length, list);
    }

    /** struct rlimit: rlim_cur, rlim_max, each a 64-bit rlim_t. */
    @CConstant("sizeof(struct rlimit)") public static final long RLIMIT_SIZE = 16;

    /** prlimit(2): {@code newLimit} (NULL: none) is set, {@code oldLimit} (NULL: none) receives the previous limits; 0 or -errno. */
    public static int prlimit(MemorySegment errnoState, int pid, int resource, MemorySegment newLimit, MemorySegment oldLimit) {
        try {
            int rc = (int) Child.PRLIMIT.invokeExact(errnoState, pid, resource, newLimit, oldLimit);
            return rc < 0 ? -errno(errnoState) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The current value of libc's {@code environ}: what execv(3) passes on. */
    public static MemorySegment environ() {
        return Child.ENVIRON.get(ADDRESS, 0);
    }

    private static volatile boolean subprocessChildCallsLinked;

    /**
     * In a parent about to fork for subprocess: creates the handles above and links each call
     * shape with a call that changes nothing (getpid, close(-1), dup2(-1, -1), fcntl(-1),
     * close_range(1, 0), chdir(""), a sigaction query, getgroups(0)), so the child only calls.
     */
    public static void linkSubprocessChildCalls() {
        if (subprocessChildCallsLinked) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = allocateErrnoState(arena);
            invoke0(Child.GETPID, errnoState);
            invoke1(Child.CLOSE, errnoState, -1);
            invoke2(Child.DUP2, errnoState, -1, -1);
            fcntl(errnoState, -1, F_GETFD, 0);
            closeRange(errnoState, 1, 0);
            openMax(errnoState);
            chdir(errnoState, arena.allocate(1));
            sigaction(errnoState, Signals.SIGPIPE, MemorySegment.NULL, arena.allocate(SIGACTION_SIZE));
            invokeLongAddress(Child.GETGROUPS, errnoState, 0, MemorySegment.NULL);
            prlimit(errnoState, 0, RLIMIT_NOFILE, MemorySegment.NULL, arena.allocate(RLIMIT_SIZE, 8));
            environ();
        }
        subprocessChildCallsLinked = true;
    }
}
