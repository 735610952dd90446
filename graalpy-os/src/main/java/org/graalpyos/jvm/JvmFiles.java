package org.graalpyos.jvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/** The files this JVM keeps open for itself (its modules image, JDK files, class-path jars), and this process's fds. */
public final class JvmFiles {
    private static final Path FD_DIR = Path.of("/proc/self/fd");
    private static final Set<String> CLASS_PATH = classPath();
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

    /** A jar or zip the JVM reads classes from with seek+read. */
    public static boolean isJvmArchive(String path) {
        return (path.endsWith(".jar") || path.endsWith(".zip")) && (CLASS_PATH.contains(path) || path.startsWith(JAVA_HOME));
    }

    /** Any file of the JDK or the class path. */
    public static boolean isJvmFile(String path) {
        return CLASS_PATH.contains(path) || path.startsWith(JAVA_HOME);
    }

    /** This process's open fds and what they refer to (readlink of /proc/self/fd/N), in fd order. */
    public static TreeMap<Integer, String> openFds() throws IOException {
        TreeMap<Integer, String> fds = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(FD_DIR)) {
            for (Path entry : entries) {
                try {
                    fds.put(Integer.parseInt(entry.getFileName().toString()), Files.readSymbolicLink(entry).toString());
                } catch (IOException e) {
                    // the directory stream's own fd, or one closed meanwhile
                }
            }
        }
        return fds;
    }
}
