package org.graalpyos.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;

import org.graalpyos.embed.GraalPyOs;

/**
 * An embedding application whose class path ends with a jar that exists only after Python spawned
 * once: the JVM opens it then, without close-on-exec (run in its own JVM by
 * JvmFilesInheritanceTest). Prints whether this JVM and then a spawned child hold the jar open.
 */
public final class EmbeddedLazyJarMain {
    private EmbeddedLazyJarMain() {
    }

    public static void main(String[] args) throws IOException {
        String lazyJar = args[0];
        try (Context context = GraalPyOs.contextBuilder().allowNativeAccess(true).allowCreateProcess(true).allowCreateThread(true)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").option("log.python.level", "SEVERE").build()) {
            GraalPyOs.install(context);
            context.eval("python", """
                            import os
                            def holds(pid, path):
                                fds = os.listdir(f"/proc/{pid}/fd")
                                return any(_target(pid, fd) == path for fd in fds)
                            def _target(pid, fd):
                                try:
                                    return os.readlink(f"/proc/{pid}/fd/{fd}")
                                except OSError:
                                    return None
                            os.waitpid(os.posix_spawn("/bin/true", ["true"], {}), 0)
                            """);
            try (OutputStream file = Files.newOutputStream(Path.of(lazyJar)); JarOutputStream out = new JarOutputStream(file)) {
                out.putNextEntry(new JarEntry("resource.txt"));
                out.write("late".getBytes(StandardCharsets.US_ASCII));
            }
            try (ZipFile jar = new ZipFile(lazyJar)) {
                System.out.println("entries " + jar.size());
                context.getBindings("python").putMember("lazy_jar", lazyJar);
                context.eval("python", """
                                import signal, time
                                print("parent holds it", holds(os.getpid(), lazy_jar))
                                pid = os.posix_spawn("/bin/sleep", ["sleep", "60"], {})
                                # the kernel closes close-on-exec fds once the exec is under way: wait until it did
                                deadline = time.monotonic() + 5
                                while len(os.listdir(f"/proc/{pid}/fd")) > 3 and time.monotonic() < deadline:
                                    time.sleep(0.05)
                                print("child holds it", holds(pid, lazy_jar))
                                os.kill(pid, signal.SIGKILL)
                                os.waitpid(pid, 0)
                                """);
            }
        }
    }
}
