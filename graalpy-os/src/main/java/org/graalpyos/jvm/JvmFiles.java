package org.graalpyos.jvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.NativeError;

/** The files this JVM keeps open for itself (its modules image, JDK files, class-path jars), and this process's fds. */
public final class JvmFiles {
    private static final String FD_DIR = "/proc/self/fd";
    private static final Set<String> CLASS_PATH = classPath();
    private static final Set<String> CLASS_PATH_ARCHIVES = archives(CLASS_PATH);
    private static final String JAVA_HOME = System.getProperty("java.home") + "/";

    private JvmFiles() {
    }

    private static Set<String> classPath() {
        Set<String> entries = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return entries;
    }

    private static Set<String> archives(Set<String> classPath) {
        Set<String> archives = new HashSet<>();
        for (String entry : classPath) {
            if (isArchiveName(entry)) {
                archives.add(entry);
            }
        }
        return Set.copyOf(archives);
    }

    private static boolean isArchiveName(String path) {
        return path.endsWith(".jar") || path.endsWith(".zip");
    }

    /** The class path's jars and zips (its directories are never open fds). */
    public static Set<String> classPathArchives() {
        return CLASS_PATH_ARCHIVES;
    }

    /** A jar or zip of the class path. */
    public static boolean isClassPathArchive(String path) {
        return CLASS_PATH_ARCHIVES.contains(path);
    }

    /** A jar or zip the JVM reads classes from with seek+read. */
    public static boolean isJvmArchive(String path) {
        return isArchiveName(path) && (CLASS_PATH.contains(path) || path.startsWith(JAVA_HOME));
    }

    /** Any file of the JDK or the class path. */
    public static boolean isJvmFile(String path) {
        return CLASS_PATH.contains(path) || path.startsWith(JAVA_HOME);
    }

    /** This process's open fds (the entries of /proc/self/fd, including the listing's own), in no particular order. */
    public static int[] openFdNumbers() throws IOException {
        List<String> names;
        try {
            names = FileCalls.directoryEntries(FD_DIR);
        } catch (NativeError e) {
            throw new IOException("cannot list " + FD_DIR + ": " + e.getMessage());
        }
        int[] fds = new int[names.size()];
        int count = 0;
        for (String name : names) {
            if (!name.startsWith(".")) {
                fds[count++] = Integer.parseInt(name);
            }
        }
        return Arrays.copyOf(fds, count);
    }

    /** What an fd refers to (readlink of /proc/self/fd/N), null if it is closed meanwhile. */
    public static String target(int fd) {
        try {
            return Files.readSymbolicLink(Path.of(FD_DIR, Integer.toString(fd))).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** The fds above stderr the JVM held when the launcher installed graalpy-os (sorted; empty when embedded). */
    private static volatile int[] launchFds = new int[0];

    /** The launcher: every fd above stderr but those inherited at launch is the JVM's (JvmFdsCloseOnExec.markAllExcept). */
    public static void recordLaunchFds(int[] fds) {
        int[] sorted = fds.clone();
        Arrays.sort(sorted);
        launchFds = sorted;
    }

    /**
     * The fds in [{@code first}, {@code last}] this JVM needs for itself, sorted: those of a JDK or
     * class-path file (the JVM reads classes from them, and opens more when it first needs a jar)
     * and those it held at launch (the modules image, /dev/random, /dev/urandom, ...). Empty
     * without /proc. No lambdas: os.closerange calls it in forked children (docs/decisions.md D17).
     */
    public static int[] jvmFds(int first, int last) {
        int[] open;
        try {
            open = openFdNumbers();
        } catch (IOException e) {
            return new int[0];
        }
        int[] kept = new int[open.length];
        int count = 0;
        for (int fd : open) {
            if (fd < first || fd > last) {
                continue;
            }
            if (Arrays.binarySearch(launchFds, fd) >= 0) {
                kept[count++] = fd;
                continue;
            }
            String target = target(fd);
            if (target != null && isJvmFile(target)) {
                kept[count++] = fd;
            }
        }
        int[] sorted = Arrays.copyOf(kept, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** This process's open fds and what they refer to, in fd order. */
    public static TreeMap<Integer, String> openFds() throws IOException {
        TreeMap<Integer, String> fds = new TreeMap<>();
        for (int fd : openFdNumbers()) {
            String target = target(fd);
            if (target != null) {
                fds.put(fd, target);
            }
        }
        return fds;
    }
}
