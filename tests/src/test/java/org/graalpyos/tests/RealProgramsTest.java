package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real programs from Debian's packages (.ci/run installs them), unmodified, that fork, daemonize,
 * supervise children, serve from forked workers, drive a pty or fork per test: each driver
 * (tests/realprograms/NAME/driver.py, a copy in a temporary directory) runs the program under
 * python3 and under the launcher and must come out the same: PASS, exit status 0.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealProgramsTest {
    private static final Path DRIVERS = Launcher.ROOT.resolve("tests/realprograms");
    private static final String DIST_PACKAGES = "/usr/lib/python3/dist-packages";

    @ParameterizedTest
    @ValueSource(strings = {"pytest_forked", "daemonize", "gunicorn", "pexpect", "sh", "daemon", "supervisor"})
    void runsAsUnderPython3(String program) throws Exception {
        assumeTrue(Launcher.onPath("python3"), "python3 (the reference CPython) is not on PATH");
        String python3 = run(program, List.of("python3"));
        assumeTrue(python3.endsWith("exit 0"), program + " does not pass under python3 here (is its Debian package installed?): " + python3);
        String launcher = run(program, List.of(Launcher.EXECUTABLE.toString()));
        assertEquals("exit 0", launcher.substring(launcher.lastIndexOf('\n') + 1), launcher);
    }

    /** The driver's output and, on its last line, "exit N". */
    private static String run(String program, List<String> interpreter) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("real-program-" + program);
        try {
            try (Stream<Path> files = Files.list(DRIVERS.resolve(program))) {
                for (Path file : files.toList()) {
                    Files.copy(file, work.resolve(file.getFileName()));
                }
            }
            List<String> command = new ArrayList<>(interpreter);
            command.add(work.resolve("driver.py").toString());
            // a file, not a pipe: a daemon the program leaves behind may keep its output open
            Path output = work.resolve("driver.out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                            .redirectOutput(output.toFile()).redirectInput(new java.io.File("/dev/null"));
            builder.environment().putAll(Map.of("PYTHONPATH", DIST_PACKAGES));
            Process process = builder.start();
            boolean finished = process.waitFor(200, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            return text + "\nexit " + (finished ? Integer.toString(process.exitValue()) : "hung");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
