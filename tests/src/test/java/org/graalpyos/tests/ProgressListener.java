package org.graalpyos.tests;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One console line per finished test class, so a long `mvn install` shows where it is without a line per test:
 * {@code [3/31 classes] ForkTest: 12 passed, 0 failed in 14.2 s, elapsed 3:05, ~4:10 left}.
 *
 * <p>Registered through META-INF/services (the JUnit Platform launcher surefire runs loads it). The estimate of what
 * is left: each class not run yet takes what it took in the previous run (the file named by the system property
 * {@code graalpyos.progress.durations}, under tests/target/) scaled by this run's pace against that run, or the
 * average of this run's classes when it has no previous duration. A missing or unreadable file only means no
 * history; a failure to write it is ignored: progress never fails a build.
 */
public final class ProgressListener implements TestExecutionListener {
    private final Path durationsFile = durationsFile();
    private final Map<String, Double> previous = load(durationsFile);
    private final Map<String, Double> finished = new LinkedHashMap<>();
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private TestPlan plan;
    private long runStarted;
    private long classStarted;

    private static final class Counts {
        int passed;
        int failed;
        int skipped;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        if (runStarted == 0) {
            runStarted = System.nanoTime();
        }
        // a plan may come per class (surefire's lazy mode): the classes of every plan so far count
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier child : testPlan.getChildren(root)) {
                if (className(child) != null && testPlan.getDescendants(child).stream().anyMatch(TestIdentifier::isTest)) {
                    counts.putIfAbsent(className(child), new Counts());
                }
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (isTopLevelClass(identifier)) {
            classStarted = System.nanoTime();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            countsOf(identifier).skipped++;
        } else if (isTopLevelClass(identifier)) {
            classStarted = System.nanoTime();
            classFinished(identifier, "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            Counts c = countsOf(identifier);
            switch (result.getStatus()) {
                case SUCCESSFUL -> c.passed++;
                case ABORTED -> c.skipped++; // an assumption did not hold: surefire counts it as skipped
                case FAILED -> c.failed++;
            }
        } else if (isTopLevelClass(identifier)) {
            String failure = result.getStatus() == TestExecutionResult.Status.FAILED
                    ? "; the class failed: " + result.getThrowable().map(Throwable::toString).orElse("?") : "";
            classFinished(identifier, failure);
        }
    }

    private void classFinished(TestIdentifier identifier, String note) {
        String name = className(identifier);
        double seconds = (System.nanoTime() - classStarted) / 1e9;
        finished.put(name, seconds);
        Counts c = counts.computeIfAbsent(name, k -> new Counts());
        String left = estimateLeft();
        System.out.println(String.format(Locale.ROOT, "[%d/%d classes] %s: %d passed, %d failed%s in %.1f s%s, elapsed %s%s",
                finished.size(), counts.size(), identifier.getDisplayName(), c.passed, c.failed,
                c.skipped > 0 ? ", " + c.skipped + " skipped" : "", seconds, note,
                clock((System.nanoTime() - runStarted) / 1e9), left == null ? "" : ", ~" + left + " left"));
        System.out.flush();
        save();
    }

    /** Seconds left as M:SS, or null before anything is known and after the last class. */
    private String estimateLeft() {
        if (finished.size() >= counts.size()) {
            return null;
        }
        double done = 0;
        double before = 0;
        for (Map.Entry<String, Double> e : finished.entrySet()) {
            if (previous.containsKey(e.getKey())) {
                done += e.getValue();
                before += previous.get(e.getKey());
            }
        }
        double pace = before > 0 ? done / before : 1;
        double average = finished.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double left = 0;
        for (String name : counts.keySet()) {
            if (!finished.containsKey(name)) {
                left += previous.containsKey(name) ? previous.get(name) * pace : average;
            }
        }
        return Double.isNaN(left) ? null : clock(left);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private Counts countsOf(TestIdentifier test) {
        TestIdentifier top = test;
        while (top != null && !isTopLevelClass(top)) {
            top = plan.getParent(top).orElse(null);
        }
        return counts.computeIfAbsent(top == null ? "?" : className(top), k -> new Counts());
    }

    private boolean isTopLevelClass(TestIdentifier identifier) {
        return className(identifier) != null && identifier.getParentIdObject().map(plan::getTestIdentifier)
                .map(parent -> parent.getParentIdObject().isEmpty()).orElse(false);
    }

    private static String className(TestIdentifier identifier) {
        return identifier.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName())
                .orElse(null);
    }

    private static Path durationsFile() {
        String path = System.getProperty("graalpyos.progress.durations");
        return path == null ? null : Path.of(path);
    }

    private static Map<String, Double> load(Path file) {
        Map<String, Double> durations = new TreeMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return durations;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
            properties.forEach((k, v) -> durations.put((String) k, Double.parseDouble((String) v)));
        } catch (IOException | RuntimeException e) {
            durations.clear(); // a damaged file: no history, as in a fresh clone
        }
        return durations;
    }

    /** The previous durations with this run's on top (a run of one class keeps the others'). */
    private void save() {
        if (durationsFile == null) {
            return;
        }
        Properties properties = new Properties();
        previous.forEach((k, v) -> properties.setProperty(k, String.format(Locale.ROOT, "%.1f", v)));
        finished.forEach((k, v) -> properties.setProperty(k, String.format(Locale.ROOT, "%.1f", v)));
        Path tmp = durationsFile.resolveSibling(durationsFile.getFileName() + ".tmp");
        try {
            Files.createDirectories(durationsFile.getParent());
            try (Writer out = Files.newBufferedWriter(tmp)) {
                properties.store(out, "seconds per test class in the last run that ran it (ProgressListener)");
            }
            Files.move(tmp, durationsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // progress is informational: never fail or disturb the tests over it
        }
    }
}
