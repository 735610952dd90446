package org.graalpyos.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs bin/graalpy-os as a real child process with a deadline. */
final class Launcher {
    static final Path ROOT = Path.of(System.getProperty("graalpyos.root", "..")).toAbsolutePath().normalize();
    static final Path EXECUTABLE = ROOT.resolve("bin/graalpy-os");

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(90, stdin, env, args);
    }

    /** With a deadline of its own: scripts that start several JVMs (multiprocessing spawn) need more. */
    static Result run(int deadlineSeconds, String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE.toString());
        command.addAll(List.of(args));
        return command(deadlineSeconds, null, stdin, env, command);
    }

    /**
     * Runs any command with a deadline, in {@code directory} (null: this one), with {@code env} over
     * this process's environment (a null value removes the variable).
     */
    static Result command(int deadlineSeconds, Path directory, String stdin, Map<String, String> env, List<String> command)
                    throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Path out = java.nio.file.Files.createTempFile("graalpy-os-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("graalpy-os-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(deadlineSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + deadlineSeconds + " s");
        }
        try {
            return new Result(process.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    /** Whether {@code program} is an executable on PATH (python3, the reference CPython, for comparisons). */
    static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && java.nio.file.Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /** What python3, the reference CPython, prints (stdout and stderr together) running {@code source}: a comparison's expected output. */
    static String python3(String source) throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("python3"), "python3 (the reference CPython) is not on PATH");
        Process python3 = new ProcessBuilder("python3", "-c", source).redirectErrorStream(true).redirectInput(new java.io.File("/dev/null")).start();
        String output = new String(python3.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!python3.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            python3.destroyForcibly();
            throw new AssertionError("python3 did not finish in 60 s");
        }
        return output;
    }

    /** Runs {@code source} with -c under the launcher: its stdout must be what python3 prints. */
    static void assertSameAsPython3(String source) throws IOException, InterruptedException {
        String expected = python3(source);
        Result r = run("-c", source);
        org.junit.jupiter.api.Assertions.assertEquals(expected, r.stdout(), r.stderr());
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(null, Map.of(), args);
    }

    /** Runs {@code source} as a script file (multiprocessing's spawn children import the main module by path). */
    static Result script(int deadlineSeconds, Map<String, String> env, String source, String... args) throws IOException, InterruptedException {
        Path file = java.nio.file.Files.createTempFile("graalpy-os-script", ".py");
        try {
            java.nio.file.Files.writeString(file, source);
            List<String> command = new ArrayList<>();
            command.add(file.toString());
            command.addAll(List.of(args));
            return run(deadlineSeconds, null, env, command.toArray(String[]::new));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
