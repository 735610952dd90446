package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JVM's own files never reach a spawned child, even a class-path jar the JVM opens late. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JvmFilesInheritanceTest {

    @Test
    void aClassPathJarOpenedAfterTheFirstSpawnIsNotInherited(@TempDir Path dir) throws Exception {
        Path jar = dir.toRealPath().resolve("late.jar"); // readlink of an fd gives the real path; written by the application
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:-UsePerfData", "-cp",
                        System.getProperty("java.class.path") + File.pathSeparator + jar, EmbeddedLazyJarMain.class.getName(), jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(100, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the embedding application did not finish");
        }
        // the parent's line shows the jar really was opened late, as an fd without close-on-exec
        assertEquals("entries 1\nparent holds it True\nchild holds it False\n", new String(output, StandardCharsets.UTF_8));
        assertEquals(0, process.exitValue());
    }
}
