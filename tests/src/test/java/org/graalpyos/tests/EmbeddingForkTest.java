package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** os.fork in an embedding application, with the host's own at-fork callbacks, in a JVM of its own. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddingForkTest {

    @Test
    void hostCallbacksRunAroundPythonHooksInCPythonsOrder() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseG1GC", "-Xmn256m",
                        "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), EmbeddedForkMain.class.getName()));
        Path out = Files.createTempFile("embedded-fork", ".out");
        Path err = Files.createTempFile("embedded-fork", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(100, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the embedding application did not finish");
        }
        List<String> lines = Files.readAllLines(out);
        String stderr = Files.readString(err);
        Files.delete(out);
        Files.delete(err);
        assertEquals(0, process.exitValue(), stderr);
        // the child's lines come from the child process, interleaved with the parent's by timing
        assertEquals(List.of("python before", "host before", "host after_in_parent", "python after_in_parent", "child status 9"),
                        lines.stream().filter(l -> !l.contains("in_child")).toList());
        assertEquals(List.of("host after_in_child", "python after_in_child"), lines.stream().filter(l -> l.contains("in_child")).toList());
        assertTrue(stderr.contains("host at-fork callback (before) failed: java.lang.IllegalStateException"), stderr);
    }
}
