package org.graalpyos.spawn;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import org.graalpyos.jvm.JvmFiles;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;

/**
 * A CPython child inherits only the fds its parent made inheritable (PEP 446). The JDK opens its
 * own files (the modules image, class-path jars, /dev/random) without O_CLOEXEC, relying on
 * ProcessBuilder closing every fd in the child; posix_spawn and exec would hand them to every
 * child. Marking them close-on-exec keeps children's fd tables what they would be under CPython.
 */
public final class JvmFdsCloseOnExec {
    /** The class-path archives seen marked so far (guarded by the class's lock). */
    private static final Set<String> MARKED_ARCHIVES = new HashSet<>();
    /**
     * Every class-path archive is marked: the JDK's class loader keeps each open for the JVM's
     * life, so no JVM file is left to open lazily and the per-spawn check (a /proc listing, ~50 µs
     * of a ~70 µs CPython posix_spawn) stops.
     */
    private static volatile boolean allArchivesMarked;

    private JvmFdsCloseOnExec() {
    }

    /** The launcher: every fd above stderr except those inherited at launch belongs to the JVM. */
    public static void markAllExcept(Set<Integer> inheritedAtLaunch) {
        int[] jvmFds = mark(fd -> fd > 2 && !inheritedAtLaunch.contains(fd), null);
        JvmFiles.recordLaunchFds(jvmFds);
    }

    /**
     * Only the JVM's own files: what an embedding application gets at install, and what every
     * spawn and exec re-checks, because the JVM opens a class-path jar when it first needs it
     * (with the launcher's AOT cache, often after start-up). The application's fds are its business.
     */
    public static void markJvmFiles() {
        if (!allArchivesMarked) {
            mark(fd -> fd > 2, JvmFiles::isJvmFile);
        }
    }

    /**
     * Checks the close-on-exec flag first: only fds without it (few, after the first pass) are
     * looked up. Returns the open fds that passed {@code fdFilter}.
     */
    private static synchronized int[] mark(IntPredicate fdFilter, Predicate<String> targetFilter) {
        int[] fds;
        try {
            fds = JvmFiles.openFdNumbers();
        } catch (IOException e) {
            return new int[0]; // no /proc: nothing to learn the fds from, children inherit as before
        }
        int[] passed = new int[fds.length];
        int count = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            for (int fd : fds) {
                if (!fdFilter.test(fd)) {
                    continue;
                }
                int flags = FileCalls.fcntl(errnoState, fd, FileCalls.F_GETFD, 0);
                if (flags < 0) {
                    continue; // closed meanwhile: the listing's own fd
                }
                passed[count++] = fd;
                if ((flags & FileCalls.FD_CLOEXEC) != 0) {
                    continue;
                }
                String target = JvmFiles.target(fd);
                if (targetFilter == null || target != null && targetFilter.test(target)) {
                    FileCalls.fcntl(errnoState, fd, FileCalls.F_SETFD, flags | FileCalls.FD_CLOEXEC);
                    if (target != null && JvmFiles.isClassPathArchive(target)) {
                        MARKED_ARCHIVES.add(target);
                    }
                }
            }
        }
        allArchivesMarked = MARKED_ARCHIVES.containsAll(JvmFiles.classPathArchives());
        return Arrays.copyOf(passed, count);
    }
}
