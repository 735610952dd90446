package org.graalpyos.fork;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalpyos.nativeapi.Libc;

/**
 * A child shares the offsets of its parent's open files. The JVM reads jars with seek+read, so a
 * child reading classes from a jar would move the parent's offset under it (ClassFormatError in
 * the parent). The child therefore replaces every inherited fd of a class-path or JDK jar with a
 * fresh open of the same file, at the same number. Files Python opened keep CPython's sharing.
 */
final class JarFds {
    private static final Path FD_DIR = Path.of("/proc/self/fd");

    private JarFds() {
    }

    private static final java.util.Set<String> CLASS_PATH = classPath();
    private static final String JAVA_HOME = System.getProperty("java.home") + "/";

    private static java.util.Set<String> classPath() {
        java.util.Set<String> entries = new java.util.HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return entries;
    }

    private static boolean isJvmArchive(String name) {
        return (name.endsWith(".jar") || name.endsWith(".zip")) && (CLASS_PATH.contains(name) || name.startsWith(JAVA_HOME));
    }

    /** Reopens the jar/zip fds; returns how many. With {@code dryRun} it only lists them (class loading in the parent). */
    static int reopenAll(boolean dryRun) throws IOException {
        int count = 0;
        try (Arena arena = Arena.ofConfined(); DirectoryStream<Path> fds = Files.newDirectoryStream(FD_DIR)) {
            MemorySegment errnoState = Libc.allocateErrnoState(arena);
            for (Path fdPath : fds) {
                Path target;
                try {
                    target = Files.readSymbolicLink(fdPath);
                } catch (IOException e) {
                    continue; // the directory stream's own fd, or one closed meanwhile
                }
                String name = target.toString();
                if (!isJvmArchive(name)) {
                    continue;
                }
                count++;
                if (dryRun) {
                    continue;
                }
                int fd = Integer.parseInt(fdPath.getFileName().toString());
                int fresh = Libc.openReadOnly(errnoState, arena.allocateFrom(name));
                if (fresh < 0) {
                    throw new IOException("cannot reopen " + name + ": errno " + -fresh);
                }
                int rc = Libc.dup3(errnoState, fresh, fd, Libc.O_CLOEXEC);
                Libc.close(fresh);
                if (rc < 0) {
                    throw new IOException("cannot replace fd " + fd + ": errno " + -rc);
                }
            }
        }
        return count;
    }
}
