package org.graalpyos.fork;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads, links and initializes in the parent every class of GraalPy, Truffle, TRegex and
 * graalpy-os (about 22,000 classes, ~1.5 s, once per process, at the first fork). Linking a class
 * for the first time can invalidate compiled code that relied on the class hierarchy, and
 * deoptimizing that code is a VM operation a forked JVM cannot run: a child that met a new
 * GraalPy node class (a Python feature its parent had not used) would have to stop.
 */
final class ClassPreloader {
    /** One class of each archive to preload; its code source names the archive. */
    private static final String[] ARCHIVE_MARKERS = {"org.graalpyos.fork.ClassPreloader", "com.oracle.graal.python.runtime.PythonContext",
                    "com.oracle.truffle.api.nodes.Node", "com.oracle.truffle.polyglot.PolyglotImpl", "com.oracle.truffle.regex.RegexLanguage",
                    "org.graalvm.polyglot.Context"};

    private ClassPreloader() {
    }

    /** Returns how many classes were loaded. */
    static int preload() {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        Set<Path> archives = new LinkedHashSet<>();
        for (String marker : ARCHIVE_MARKERS) {
            try {
                archives.add(Path.of(Class.forName(marker, false, loader).getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
                // not on this class path (or in a module image): nothing to preload from it
            }
        }
        int[] loaded = {0};
        for (Path archive : archives) {
            try (Stream<String> names = classNames(archive)) {
                names.forEach(name -> {
                    try {
                        Class.forName(name, true, loader);
                        loaded[0]++;
                    } catch (ClassNotFoundException | LinkageError | AssertionError e) {
                        // a class that cannot load here cannot load in the child either (an
                        // AssertionError: a debug-only initializer under -ea, e.g. Truffle's DebugCounter)
                    }
                });
            } catch (IOException e) {
                // best effort: a child may then meet a deoptimization, which its watchdog reports
            }
        }
        return loaded[0] + preloadJdkModule("java.base") + preloadJdkModule("jdk.unsupported");
    }

    /**
     * Loads without initializing (initializing a JDK class can start threads or load native code)
     * the classes of a JDK module: a child that first meets one (an iterator class, an event class
     * of Thread.sleep) would otherwise add it to the class hierarchy, which deoptimizes.
     */
    private static int preloadJdkModule(String module) {
        int[] loaded = {0};
        try (Stream<Path> entries = Files.walk(FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules", module))) {
            entries.filter(path -> path.getNameCount() > 2).map(path -> path.subpath(2, path.getNameCount()).toString()).filter(ClassPreloader::isClass).forEach(entry -> {
                try {
                    Class.forName(className(entry), false, null);
                    loaded[0]++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable by the boot loader here: not in the child either
                }
            });
        } catch (IOException | RuntimeException e) {
            // no jrt file system: best effort, as above
        }
        return loaded[0];
    }

    private static Stream<String> classNames(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            return Files.walk(source).map(p -> source.relativize(p).toString()).filter(ClassPreloader::isClass).map(ClassPreloader::className);
        }
        JarFile jar = new JarFile(source.toFile());
        return jar.stream().map(e -> e.getName()).filter(ClassPreloader::isClass).map(ClassPreloader::className).onClose(() -> {
            try {
                jar.close();
            } catch (IOException e) {
                // nothing left to do
            }
        });
    }

    private static boolean isClass(String entry) {
        return entry.endsWith(".class") && !entry.endsWith("module-info.class") && !entry.startsWith("META-INF/");
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
