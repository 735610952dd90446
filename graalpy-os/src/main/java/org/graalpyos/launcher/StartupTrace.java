package org.graalpyos.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.oracle.truffle.api.Truffle;

/**
 * {@code GRAALPY_OS_STARTUP_TRACE=1}: the launcher's phases on stderr, each as wall milliseconds since
 * the process started (bin/graalpy-os's bash, which exec'd the JVM) and CPU milliseconds of all its
 * threads, for the start-up profile of docs/startup.md. Off by default: CPython's tests compare stderr.
 */
final class StartupTrace {
    private static final boolean ENABLED = "1".equals(System.getenv("GRAALPY_OS_STARTUP_TRACE"));

    private StartupTrace() {
    }

    static void mark(String phase) {
        if (ENABLED) {
            System.err.printf("graalpy-os startup: %6d ms wall %6d ms cpu  %s%n", sinceProcessStart(), processCpuMillis(), phase);
        }
    }

    /** Which Truffle runtime runs Python: the optimizing one, or the fallback (interpreter only). */
    static void runtime() {
        if (ENABLED) {
            mark("Truffle runtime: " + Truffle.getRuntime().getName());
        }
    }

    /** user + system time of all the process's threads so far (/proc/self/stat, in 10 ms clock ticks) */
    private static long processCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long sinceProcessStart() {
        // /proc's start time has the kernel's clock-tick resolution (10 ms)
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(start, Instant.now()).toMillis();
    }
}
