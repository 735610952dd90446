package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's embedding snippet, character for character, as the main method of a fresh Maven project
 * outside the repository whose one dependency is org.graalpyos:graalpy-os, built offline and run.
 * <p>
 * The artifacts come from this build, not from ~/.m2: during {@code mvn install} other checkouts may
 * install their own 0.1.0-SNAPSHOT there, and under {@code mvn package} ours is not installed at
 * all. So the project builds with a local repository of its own: this build's graalpy-os,
 * lib-python-shims and parent POM, laid out as {@code mvn install} would, and a symlink to
 * everything else in the real local repository (GraalPy, Truffle, the plugins), read offline.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EmbeddingProjectTest {
    private static final String VERSION = System.getProperty("graalpyos.version");
    private static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("graalpyos.localRepository", System.getProperty("user.home") + "/.m2/repository"));

    @Test
    void readmeSnippetBuildsAndRunsInAProjectOfItsOwn(@TempDir Path temp) throws Exception {
        String snippet = readmeSnippet();
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        Path project = temp.resolve("app");
        Path source = project.resolve("src/main/java/example/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package example;\n\n" + imports + "\npublic class Main {\n    public static void main(String[] args) {\n" + body + "    }\n}\n");
        Files.writeString(project.resolve("pom.xml"), pom());
        Path repository = privateRepository(temp.resolve("repository"));

        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("MAVEN_OPTS", null);
        Launcher.Result build = Launcher.command(240, project, null, env, List.of("mvn", "-B", "-q", "-o",
                        "-Dmaven.repo.local=" + repository, "compile",
                        "org.apache.maven.plugins:maven-dependency-plugin:" + System.getProperty("graalpyos.dependencyPluginVersion") + ":build-classpath",
                        "-Dmdep.outputFile=classpath.txt"));
        assertEquals(0, build.exitCode(), "mvn:\n" + build.stdout() + build.stderr());
        String classpath = project.resolve("target/classes") + ":" + Files.readString(project.resolve("classpath.txt")).strip();
        assertTrue(classpath.contains(repository.resolve("org/graalpyos/graalpy-os").toString()), classpath);

        Launcher.Result run = Launcher.command(120, project, null, Map.of(), List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                        "-cp", classpath, "example.Main"));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        // the snippet's Python, as python3 prints it: (pid, status) with another pid
        Matcher python3 = Pattern.compile("context\\.eval\\(\"python\", \"(.*)\"\\);").matcher(snippet);
        assertTrue(python3.find(), snippet);
        String expected = Launcher.python3(python3.group(1)).strip();
        assertEquals(expected.replaceFirst("^\\(\\d+,", "(PID,"), run.stdout().strip().replaceFirst("^\\(\\d+,", "(PID,"), run.stderr());
    }

    /** The java block of README.md's "Embedding" section. */
    private static String readmeSnippet() throws IOException {
        String readme = Files.readString(Launcher.ROOT.resolve("README.md"));
        Matcher section = Pattern.compile("(?ms)^## Embedding\n.*?^```java\n(.*?)^```\n").matcher(readme);
        assertTrue(section.find(), "README.md has no java block in its Embedding section");
        return section.group(1);
    }

    private static String pom() {
        return """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <project xmlns="http://maven.apache.org/POM/4.0.0">
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>example</groupId>
                          <artifactId>app</artifactId>
                          <version>1.0</version>
                          <properties>
                            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                            <maven.compiler.release>25</maven.compiler.release>
                          </properties>
                          <dependencies>
                            <dependency>
                              <groupId>org.graalpyos</groupId>
                              <artifactId>graalpy-os</artifactId>
                              <version>%s</version>
                            </dependency>
                          </dependencies>
                          <build>
                            <plugins>
                              <plugin><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
                              <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
                            </plugins>
                          </build>
                        </project>
                        """.formatted(VERSION, System.getProperty("graalpyos.compilerPluginVersion"), System.getProperty("graalpyos.resourcesPluginVersion"));
    }

    /** A local repository holding this build's artifacts, with the rest of the real one linked in. */
    private static Path privateRepository(Path repository) throws IOException {
        Files.createDirectories(repository.resolve("org"));
        try (Stream<Path> top = Files.list(LOCAL_REPOSITORY)) {
            for (Path entry : (Iterable<Path>) top::iterator) {
                if (!entry.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repository.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        try (Stream<Path> org = Files.list(LOCAL_REPOSITORY.resolve("org"))) {
            for (Path entry : (Iterable<Path>) org::iterator) {
                if (!entry.getFileName().toString().equals("graalpyos")) {
                    Files.createSymbolicLink(repository.resolve("org").resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        install(repository, "graalpy-os-parent", Launcher.ROOT.resolve("pom.xml"), null);
        install(repository, "lib-python-shims", Launcher.ROOT.resolve("lib-python-shims/pom.xml"),
                        Launcher.ROOT.resolve("lib-python-shims/target/lib-python-shims-" + VERSION + ".jar"));
        install(repository, "graalpy-os", Launcher.ROOT.resolve("graalpy-os/pom.xml"), Launcher.ROOT.resolve("graalpy-os/target/graalpy-os.jar"));
        return repository;
    }

    private static void install(Path repository, String artifact, Path pom, Path jar) throws IOException {
        Path directory = repository.resolve("org/graalpyos").resolve(artifact).resolve(VERSION);
        Files.createDirectories(directory);
        Files.copy(pom, directory.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            assertTrue(Files.isRegularFile(jar), jar + " is not built");
            Files.copy(jar, directory.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }
}
