package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fuzz/run on a fixed seed set: malformed calls of posix_spawn(p), register_at_fork, wait*, W*,
 * waitstatus_to_exitcode and spawn*, each run on python3 and on bin/graalpy-os (one process
 * each), must raise the same exception type and message or return the same thing, apart from
 * the documented 3.11/3.12 differences (fuzz/known-differences.txt).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FuzzTest {
    private static final int DEADLINE_SECONDS = 240;

    @Test
    void fixedSeedsMatchCPython() throws IOException, InterruptedException {
        assumeTrue(Launcher.onPath("python3"), "python3 (the reference CPython the fuzz cases are compared with) is not on PATH");
        Path output = Files.createTempFile("graalpy-os-fuzz", ".txt");
        try {
            Process process = new ProcessBuilder("python3", Launcher.ROOT.resolve("fuzz/fuzz.py").toString(),
                            "--seed", "1", "--seed", "2", "--cases", "150")
                            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("fuzz/fuzz.py did not finish in " + DEADLINE_SECONDS + " s");
            }
            String report = Files.readString(output);
            assertTrue(report.contains("\ncases tried: 300\n"), report);
            assertTrue(report.contains("\nmismatches: 0\n"), report);
            assertTrue(report.contains("\nJVM stack traces: 0\n"), report);
            assertTrue(report.contains("\ncrashes: 0\n"), report);
            assertEquals(0, process.exitValue(), report);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
