package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The distribution as a new user gets it (README "Install"): the build's tarball unpacked into a
 * temporary directory, its bin/ on PATH and the source tree's bin/ off it, the user's JAVA_HOME, no
 * network (pip with no index, GraalPy's patch repository not asked). The first run there starts the
 * training of the AOT cache for the installed jars in the background; the last test checks it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionTest {
    private static final String NAME = "graalpy-os-" + System.getProperty("graalpyos.version");
    private static Path temp;
    private static Path home;
    private static Map<String, String> env;
    /** The installation's sys.prefix (GraalPy's home), a venv's sys.base_prefix. */
    private static String basePrefix;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Launcher.ROOT.resolve("graalpy-os/target/" + NAME + "-linux-x86_64.tar.gz");
        assertTrue(Files.isRegularFile(tarball), tarball + " is not built (mvn package makes it)");
        temp = Files.createTempDirectory("graalpy-os-dist");
        Launcher.Result untar = Launcher.command(60, temp, null, Map.of(), List.of("tar", "-xzf", tarball.toString()));
        assertEquals(0, untar.exitCode(), untar.stderr());
        home = temp.resolve(NAME);
        env = new HashMap<>();
        List<String> path = new ArrayList<>(List.of(home.resolve("bin").toString()));
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && !Path.of(directory).toAbsolutePath().normalize().startsWith(Launcher.ROOT)) {
                path.add(directory);
            }
        }
        env.put("PATH", String.join(":", path));
        System.getenv().keySet().stream().filter(name -> name.startsWith("GRAALPY_OS_") || name.startsWith("PIP_") || name.startsWith("PYTHON"))
                        .forEach(name -> env.put(name, null));
        env.put("PIP_CONFIG_FILE", "/dev/null"); // not this machine's pip configuration
        env.put("PIP_NO_INDEX", "1");
        env.put("PIP_GRAALPY_PATCHES_URL", "disabled");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    }

    @AfterAll
    static void remove() throws IOException {
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Runs a command found as the user's shell would find it: on the test's PATH (ProcessBuilder would search the JVM's). */
    private static Launcher.Result run(int deadlineSeconds, Path directory, String... command) throws Exception {
        return Launcher.command(deadlineSeconds, directory, null, env, onPath(command));
    }

    private static List<String> onPath(String... command) {
        List<String> resolved = new ArrayList<>(List.of(command));
        if (!command[0].contains("/")) {
            for (String directory : env.get("PATH").split(":")) {
                if (Files.isExecutable(Path.of(directory, command[0]))) {
                    resolved.set(0, Path.of(directory, command[0]).toString());
                    break;
                }
            }
        }
        return resolved;
    }

    private static String ok(Launcher.Result result) {
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result.stdout();
    }

    @Test
    @Order(1)
    void layoutAndLicences() throws Exception {
        assertTrue(Files.isSymbolicLink(home.resolve("bin/python3")) && Files.isSymbolicLink(home.resolve("bin/python")));
        assertTrue(Files.isRegularFile(home.resolve("README.md")) && Files.readString(home.resolve("README.md")).contains("graalpy-os -m venv"));
        // every bundled jar named with its licences, and every licence text it names is there
        String thirdParty = Files.readString(home.resolve("licenses/THIRD-PARTY.txt"));
        try (Stream<Path> jars = Stream.concat(Files.list(home.resolve("lib")), Files.list(home.resolve("lib/jvmci")))) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                String name = home.relativize(jar).toString();
                if (!name.startsWith("lib/graalpy-os.jar") && !name.startsWith("lib/lib-python-shims-")) {
                    assertTrue(thirdParty.contains(name + ": "), name + " is not in THIRD-PARTY.txt");
                }
            }
        }
        for (String line : thirdParty.split("\n")) {
            for (int at = line.startsWith("lib/") ? line.indexOf(" (") : -1; at >= 0; at = line.indexOf(" (", at + 1)) {
                String file = line.substring(at + 2, line.indexOf(')', at));
                assertTrue(Files.isRegularFile(home.resolve("licenses").resolve(file)), line);
            }
        }
    }

    @Test
    @Order(2)
    void runsLikePython3FromPath() throws Exception {
        String posix = "import os; print(hasattr(os, 'fork'), hasattr(os, 'posix_spawn'), hasattr(os, 'wait4'))";
        String out = ok(run(120, temp, "python3", "-c", "import sys; print(sys.executable); print(sys._base_executable); " + posix + "; print(sys.prefix)"));
        String[] lines = out.split("\n");
        basePrefix = lines[lines.length - 1];
        assertEquals(home.resolve("bin/python3") + "\n" + home.resolve("bin/graalpy-os") + "\n" + Launcher.python3(posix) + basePrefix + "\n", out);
    }

    /** fork, posix_spawn of sys.executable, subprocess, and multiprocessing's spawn and forkserver pools. */
    @Test
    @Order(4)
    void scriptForksSpawnsAndRunsProcessPools() throws Exception {
        String script = """
                        import multiprocessing as mp, os, subprocess, sys

                        def child(x):
                            return x * x, sys.executable == os.environ["PARENT_EXECUTABLE"]

                        if __name__ == "__main__":
                            os.environ["PARENT_EXECUTABLE"] = sys.executable
                            pid = os.fork()
                            if pid == 0:
                                os._exit(7)
                            print("fork", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                            pid = os.posix_spawn(sys.executable, [sys.executable, "-c", "import sys; sys.exit(3)"], os.environ)
                            print("posix_spawn", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                            print("subprocess", subprocess.run([sys.executable, "-c", "import sys; print(sys.executable)"],
                                                               capture_output=True, text=True).stdout.strip() == sys.executable)
                            for method in ("spawn", "forkserver"):
                                with mp.get_context(method).Pool(1 if method == "spawn" else 2) as pool:
                                    print(method, pool.map(child, range(4)))
                        """;
        Path file = temp.resolve("forks_and_spawns.py");
        Files.writeString(file, script);
        Launcher.Result python3 = Launcher.command(120, temp, null, Map.of(), List.of("python3", file.toString()));
        String out = ok(run(280, temp, "graalpy-os", file.toString()));
        assertEquals(ok(python3), out);
    }

    /**
     * A venv as python3 makes it, its pip installing a wheel and a source tree offline, their console
     * scripts, and children (subprocess, a multiprocessing spawn pool) that stay in the venv.
     */
    @Test
    @Order(5)
    @Timeout(value = 480, unit = TimeUnit.SECONDS)
    void venvWithPipConsoleScriptsAndChildren() throws Exception {
        Path venv = temp.resolve("venv");
        ok(run(240, temp, "graalpy-os", "-m", "venv", venv.toString()));
        for (String name : List.of("python", "python3", "graalpy-os", "pip", "activate")) {
            assertTrue(Files.exists(venv.resolve("bin").resolve(name)), name + " is not in the venv's bin/: " + listing(venv.resolve("bin")));
        }
        String python = venv.resolve("bin/python").toString();
        String report = "import sys; print(sys.prefix, sys.exec_prefix, sys.base_prefix, sys.executable, sep='\\n'); print("
                        + pyString(venv.resolve("lib/python3.12/site-packages").toString()) + " in sys.path)";
        assertEquals(venv + "\n" + venv + "\n" + basePrefix + "\n" + python + "\nTrue\n", ok(run(120, temp, python, "-c", report)));

        Path wheel = temp.resolve("hello-1.0-py3-none-any.whl");
        writeWheel(wheel);
        Path tree = temp.resolve("greet");
        writeSourceTree(tree);
        String pip = venv.resolve("bin/pip").toString();
        ok(run(240, temp, pip, "install", wheel.toString(), tree.toString()));
        assertEquals("hello\n" + venv + "\nTrue\n", ok(run(120, temp, venv.resolve("bin/hello").toString())));
        assertEquals("greet\n" + venv + "\nTrue\n", ok(run(120, temp, venv.resolve("bin/greet").toString())));

        // children started with sys.executable stay in the venv
        String children = """
                        import multiprocessing as mp, subprocess, sys

                        def prefix(_):
                            return sys.prefix

                        if __name__ == "__main__":
                            print(subprocess.run([sys.executable, "-c", "import sys, hello; print(sys.prefix)"],
                                                 capture_output=True, text=True, check=True).stdout.strip())
                            with mp.get_context("spawn").Pool(1) as pool:
                                print(sorted(set(pool.map(prefix, range(3)))))
                        """;
        Path file = temp.resolve("children.py");
        Files.writeString(file, children);
        assertEquals(venv + "\n['" + venv + "']\n", ok(run(280, temp, python, file.toString())));

        // activate puts the venv first on PATH
        assertEquals(venv + "\n" + venv + "\n", ok(run(120, temp, "bash", "-c",
                        ". " + venv.resolve("bin/activate") + " && echo \"$VIRTUAL_ENV\" && python -c 'import sys; print(sys.prefix)'")));
        // --system-site-packages adds the base installation's site-packages
        Path system = temp.resolve("system-venv");
        ok(run(240, temp, "graalpy-os", "-m", "venv", "--without-pip", "--system-site-packages", system.toString()));
        assertEquals("True True\n", ok(run(120, temp, system.resolve("bin/python").toString(), "-c",
                        "import sys; print(sys.prefix == " + pyString(system.toString()) + ", " + pyString(basePrefix + "/lib/python3.12/site-packages") + " in sys.path)")));
    }

    /**
     * Without a JDK 25: one line on stderr, status 1. /usr/lib/jvm (where the launcher also looks) is
     * hidden by an empty directory in a mount namespace of the command's own (root only: skipped
     * where unshare -m cannot run); JAVA_HOME names a JDK 21 (its release file) and PATH has no java.
     */
    @Test
    @Order(6)
    void missingOrOldJdkIsOneLine() throws Exception {
        Assumptions.assumeTrue(Launcher.command(30, temp, null, Map.of(), List.of("unshare", "-m", "true")).exitCode() == 0, "unshare -m is not permitted here");
        Path old = temp.resolve("jdk-21");
        Files.createDirectories(old.resolve("bin"));
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"21.0.1\"\n");
        Files.writeString(old.resolve("bin/java"), "#!/bin/sh\nexit 1\n");
        old.resolve("bin/java").toFile().setExecutable(true);
        Path empty = Files.createDirectories(temp.resolve("empty"));
        String launcher = home.resolve("bin/graalpy-os").toString();
        String hidden = "mount --bind " + empty + " /usr/lib/jvm && ";
        Map<String, String> noJava = new HashMap<>(env);
        noJava.put("PATH", "/usr/bin:/bin");
        for (String javaHome : new String[]{null, old.toString()}) {
            noJava.put("JAVA_HOME", javaHome);
            Launcher.Result result = Launcher.command(30, temp, null, noJava, List.of("unshare", "-m", "sh", "-c", hidden + "exec " + launcher + " -c pass"));
            String reason = javaHome == null ? "none found" : "JAVA_HOME=" + javaHome + " is 21.0.1";
            assertEquals(1, result.exitCode(), result.stderr());
            assertEquals("graalpy-os: needs a JDK 25 or newer (" + reason + "): set JAVA_HOME to one, or put its bin/java on PATH\n", result.stderr());
        }
    }

    /**
     * The first run (the test before) started the training of the AOT cache for these jars; the JVM
     * accepts what it made. (Before the tests that start many JVMs: they start faster with it.)
     */
    @Test
    @Order(3)
    void aotCacheIsMadeForTheInstalledJars() throws Exception {
        Path aot = home.resolve("lib/aot");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (cacheFiles(aot, ".aot").isEmpty() && cacheFiles(aot, ".failed").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        assertEquals(1, cacheFiles(aot, ".aot").size(), listing(aot) + "\n" + logs(aot));
        Map<String, String> required = new HashMap<>(env);
        required.put("GRAALPY_OS_JAVA_OPTS", "-XX:AOTMode=on"); // a cache the JVM refuses is fatal
        assertEquals("ok\n", ok(Launcher.command(120, temp, null, required, onPath("graalpy-os", "-c", "print('ok')"))));
    }

    private static List<Path> cacheFiles(Path aot, String suffix) throws IOException {
        if (!Files.isDirectory(aot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(aot)) {
            return files.filter(file -> file.getFileName().toString().matches("graalpy-os-[0-9a-f]+\\" + suffix)).toList();
        }
    }

    private static String listing(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return directory + " does not exist";
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.joining(" "));
        }
    }

    private static String logs(Path aot) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path log : cacheFiles(aot, ".log")) {
            out.append(Files.readString(log));
        }
        return out.toString();
    }

    private static String pyString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A pure-Python wheel with a console script, zipped by hand (no network, no build tool). */
    private static void writeWheel(Path wheel) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("hello/__init__.py", "import sys\n\ndef main():\n    print('hello')\n    print(sys.prefix)\n    print(sys.executable.startswith(sys.prefix + '/bin/'))\n");
        files.put("hello-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: hello\nVersion: 1.0\n");
        files.put("hello-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: DistributionTest\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        files.put("hello-1.0.dist-info/entry_points.txt", "[console_scripts]\nhello = hello:main\n");
        StringBuilder record = new StringBuilder();
        for (String name : files.keySet()) {
            record.append(name).append(",,\n");
        }
        files.put("hello-1.0.dist-info/RECORD", record + "hello-1.0.dist-info/RECORD,,\n");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /**
     * A source tree with a pyproject.toml whose PEP 517 backend is in the tree and requires nothing:
     * pip builds it in an isolated environment without an index (setuptools' backend would need
     * setuptools and wheel from one).
     */
    private static void writeSourceTree(Path tree) throws IOException {
        Files.createDirectories(tree.resolve("greet"));
        Files.writeString(tree.resolve("pyproject.toml"), """
                        [build-system]
                        requires = []
                        build-backend = "backend"
                        backend-path = ["."]

                        [project]
                        name = "greet"
                        version = "1.0"
                        """);
        Files.writeString(tree.resolve("greet/__init__.py"), "import sys\n\ndef main():\n    print('greet')\n    print(sys.prefix)\n    print(sys.executable.startswith(sys.prefix + '/bin/'))\n");
        Files.writeString(tree.resolve("backend.py"), """
                        import base64, hashlib, os, zipfile

                        DIST_INFO = "greet-1.0.dist-info"
                        FILES = {
                            "greet/__init__.py": None,
                            DIST_INFO + "/METADATA": b"Metadata-Version: 2.1\\nName: greet\\nVersion: 1.0\\n",
                            DIST_INFO + "/WHEEL": b"Wheel-Version: 1.0\\nGenerator: backend\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
                            DIST_INFO + "/entry_points.txt": b"[console_scripts]\\ngreet = greet:main\\n",
                        }

                        def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                            name = "greet-1.0-py3-none-any.whl"
                            record = []
                            with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as wheel:
                                for path, data in FILES.items():
                                    if data is None:
                                        with open(path, "rb") as f:
                                            data = f.read()
                                    wheel.writestr(path, data)
                                    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                                    record.append(f"{path},sha256={digest},{len(data)}")
                                record.append(DIST_INFO + "/RECORD,,")
                                wheel.writestr(DIST_INFO + "/RECORD", "\\n".join(record) + "\\n")
                            return name
                        """);
    }
}
