package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java is the only trust boundary: under a policy that vetoes everything, every builtin of the
 * interop object called with hostile argument lists creates no process, keeps the Context alive,
 * and fails with a Python exception of the kinds bad input or a refusal give.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TrustBoundaryTest {
    private static final Set<String> EXPECTED_FAILURES = Set.of("TypeError", "ValueError", "OverflowError", "PermissionError", "OSError",
                    "FileNotFoundError", "NotADirectoryError", "IsADirectoryError", "FileExistsError", "BlockingIOError", "ChildProcessError",
                    "ProcessLookupError", "RuntimeError");

    @Test
    void hostileCallsOfEveryBuiltinCreateNoProcessAndRaisePythonErrors() throws Exception {
        Path dir = Files.createTempDirectory("trust-boundary");
        Path marker = dir.resolve("created");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseG1GC", "-Xmn256m",
                        "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), TrustBoundaryMain.class.getName(), marker.toString()));
        Process process = new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the embedding application did not finish: " + Files.readString(out));
        }
        String stderr = Files.readString(err);
        List<String> lines = Files.readAllLines(out);
        assertEquals(0, process.exitValue(), "the Context did not survive: " + stderr + lines);
        Thread.sleep(500); // a process that escaped would have touched the marker by now
        assertFalse(Files.exists(marker), "a vetoed process ran");

        Map<String, String> report = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(line.startsWith("calls") || line.startsWith("builtins") || line.startsWith("policy")
                            || line.startsWith("originals") ? ' ' : ':');
            report.put(colon < 0 ? line : line.substring(0, colon), colon < 0 ? "" : line.substring(colon + 1).trim());
        }
        assertTrue(report.containsKey("no child"), lines.toString());
        assertEquals("", report.get("originals"), "GraalPy's own process creators are reachable from Python");
        assertTrue(Integer.parseInt(report.get("calls")) > 10_000, lines.toString());
        assertTrue(Integer.parseInt(report.get("policy").replace("asked ", "")) > 0, lines.toString());
        List<String> builtins = Arrays.asList(report.get("builtins").split(" "));
        assertTrue(builtins.containsAll(List.of("subprocess_spawn", "subprocess_fork", "fork", "execve", "posix_spawn")), builtins.toString());
        assertFalse(builtins.contains("set_builtin_type_attribute") || builtins.contains("fork_retries") || builtins.contains("heap_after_gc")
                        || builtins.contains("check_process_creation"), builtins.toString());
        for (Map.Entry<String, String> outcome : report.entrySet()) {
            String kind = outcome.getKey();
            if (Set.of("calls", "builtins", "policy", "originals", "no child", "returned").contains(kind)) {
                continue;
            }
            assertTrue(EXPECTED_FAILURES.contains(kind), kind + " from " + outcome.getValue());
        }
        for (String creator : List.of("subprocess_spawn", "subprocess_fork", "fork", "execve", "posix_spawn", "subprocess_child_exec",
                        "subprocess_child_setup", "subprocess_child_fail", "posix.setuid", "posix.setgid", "posix.seteuid", "posix.setegid",
                        "posix.setreuid", "posix.setregid", "posix.setresuid", "posix.setresgid", "setgroups", "system",
                        "hold_graalpy_process_creators")) {
            assertFalse(report.getOrDefault("returned", "").contains(" " + creator + " ") || (" " + report.getOrDefault("returned", "") + " ")
                            .contains(" " + creator + " "), creator + " returned under a vetoing policy");
            assertTrue((" " + report.get("PermissionError") + " ").contains(" " + creator + " "), creator + " never refused: " + lines);
        }
        Files.delete(out);
        Files.delete(err);
        Files.delete(dir);
    }
}
