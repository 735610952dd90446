package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.LongEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every constant of graalpy-os marked {@code @CConstant} (struct sizes and offsets, flags, errno
 * and signal numbers) against the C headers of this machine: the marked fields are read from the
 * built jar's class files (their constant values, without running any of graalpy-os), their C
 * expressions compiled into a probe with gcc, and the probe's output compared.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NativeLayoutTest {
    private static final String MARK = "Lorg/graalpyos/nativeapi/CConstant;";
    private static final String HEADERS = """
                    #define _GNU_SOURCE
                    #include <dirent.h>
                    #include <dlfcn.h>
                    #include <elf.h>
                    #include <errno.h>
                    #include <fcntl.h>
                    #include <grp.h>
                    #include <langinfo.h>
                    #include <limits.h>
                    #include <linux/can.h>
                    #include <linux/can/bcm.h>
                    #include <linux/can/j1939.h>
                    #include <linux/can/raw.h>
                    #include <linux/fs.h>
                    #include <linux/if_alg.h>
                    #include <linux/limits.h>
                    #include <linux/memfd.h>
                    #include <linux/netlink.h>
                    #include <linux/rds.h>
                    #include <linux/tipc.h>
                    #include <linux/vm_sockets.h>
                    #include <net/if.h>
                    #include <netdb.h>
                    #include <netinet/in.h>
                    #include <netinet/tcp.h>
                    #include <netpacket/packet.h>
                    #include <poll.h>
                    #include <sched.h>
                    #include <signal.h>
                    #include <spawn.h>
                    #include <stddef.h>
                    #include <stdio.h>
                    #include <sys/epoll.h>
                    #include <sys/eventfd.h>
                    #include <sys/file.h>
                    #include <sys/ioctl.h>
                    #include <sys/mman.h>
                    #include <sys/random.h>
                    #include <sys/signalfd.h>
                    #include <sys/time.h>
                    #include <sys/resource.h>
                    #include <sys/select.h>
                    #include <sys/socket.h>
                    #include <sys/statvfs.h>
                    #include <sys/times.h>
                    #include <sys/uio.h>
                    #include <sys/wait.h>
                    #include <sys/xattr.h>
                    #include <syslog.h>
                    #include <time.h>
                    #include <unistd.h>
                    """;

    record Constant(String owner, String field, String expression, long value) {
        String name() {
            return owner + "." + field;
        }
    }

    @Test
    void everyMarkedConstantEqualsItsCExpression() throws Exception {
        List<Constant> constants = markedConstants(Launcher.ROOT.resolve("graalpy-os/target/graalpy-os.jar"));
        // the errno and signal numbers, the spawn, wait, socket and file constants: far more than a few
        assertTrue(constants.size() >= 60, "found only " + constants.size() + " marked constants: " + constants);
        assertTrue(Launcher.onPath("gcc"), "gcc is needed to compile the probe");
        StringBuilder probe = new StringBuilder(HEADERS).append("int main(void) {\n");
        for (Constant c : constants) {
            probe.append("    printf(\"%lld\\n\", (long long) (").append(c.expression()).append("));\n");
        }
        probe.append("    return 0;\n}\n");
        List<String> printed = compileAndRun(probe.toString());
        assertEquals(constants.size(), printed.size(), "the probe printed " + printed);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            Constant c = constants.get(i);
            long expected = Long.parseLong(printed.get(i));
            if (expected != c.value()) {
                mismatches.add(c.name() + " = " + c.value() + ", but " + c.expression() + " = " + expected);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static List<Constant> markedConstants(Path jar) throws IOException {
        List<Constant> constants = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                ClassModel model = ClassFile.of().parse(file.getInputStream(entry).readAllBytes());
                String owner = model.thisClass().asInternalName().replaceFirst(".*/", "");
                for (FieldModel field : model.fields()) {
                    String expression = markedExpression(field);
                    if (expression == null) {
                        continue;
                    }
                    String name = field.fieldName().stringValue();
                    long value = field.findAttribute(Attributes.constantValue()).map(a -> switch (a.constant()) {
                        case IntegerEntry i -> (long) i.intValue();
                        case LongEntry l -> l.longValue();
                        default -> throw new AssertionError(owner + "." + name + ": not an int or long constant");
                    }).orElseThrow(() -> new AssertionError(owner + "." + name + " is marked but not a compile-time constant"));
                    constants.add(new Constant(owner, name, expression.isEmpty() ? name : expression, value));
                }
            }
        }
        return constants;
    }

    /** The mark's C expression ("" for the field's own name), or null when the field is not marked. */
    private static String markedExpression(FieldModel field) {
        List<Annotation> annotations = field.findAttribute(Attributes.runtimeVisibleAnnotations())
                        .map(RuntimeVisibleAnnotationsAttribute::annotations).orElse(List.of());
        for (Annotation annotation : annotations) {
            if (annotation.className().stringValue().equals(MARK)) {
                return annotation.elements().stream().filter(e -> e.name().stringValue().equals("value"))
                                .map(e -> ((AnnotationValue.OfString) e.value()).stringValue()).findFirst().orElse("");
            }
        }
        return null;
    }

    private static List<String> compileAndRun(String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("graalpy-os-layout");
        try {
            Path c = Files.writeString(dir.resolve("probe.c"), source);
            Path binary = dir.resolve("probe");
            Process gcc = new ProcessBuilder("gcc", "-o", binary.toString(), c.toString()).redirectErrorStream(true).start();
            String diagnostics = new String(gcc.getInputStream().readAllBytes());
            assertTrue(gcc.waitFor(60, TimeUnit.SECONDS), "gcc did not finish");
            assertEquals(0, gcc.exitValue(), "gcc failed:\n" + diagnostics + "\n" + source);
            Process probe = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes());
            assertTrue(probe.waitFor(30, TimeUnit.SECONDS), "the probe did not finish");
            assertEquals(0, probe.exitValue(), output);
            return output.lines().toList();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
