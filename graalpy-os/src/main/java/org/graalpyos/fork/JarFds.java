package org.graalpyos.fork;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

import org.graalpyos.jvm.JvmFiles;

import org.graalpyos.nativeapi.Libc;

/**
 * A child shares the offsets of its parent's open files. The JVM reads jars with seek+read, so a
 * child reading classes from a jar would move the parent's offset under it (ClassFormatError in
 * the parent). The child therefore replaces every inherited fd of a class-path or JDK jar with a
 * fresh open of the same file, at the same number. Files Python opened keep CPython's sharing.
 */
final class JarFds {
    private JarFds() {
    }

    /** Reopens the jar/zip fds; returns how many. With {@code dryRun} it only lists them (class loading in the parent). */
    static int reopenAll(boolean dryRun) throws IOException {
        int count = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Libc.allocateErrnoState(arena);
            for (Map.Entry<Integer, String> open : JvmFiles.openFds().entrySet()) {
                String name = open.getValue();
                if (!JvmFiles.isJvmArchive(name)) {
                    continue;
                }
                count++;
                if (dryRun) {
                    continue;
                }
                int fd = open.getKey();
                int fresh = Libc.openReadOnly(errnoState, arena.allocateFrom(name));
                if (fresh < 0) {
                    throw new IOException("cannot reopen " + name + ": errno " + -fresh);
                }
                int rc = Libc.dup3(errnoState, fresh, fd, Libc.O_CLOEXEC);
                Libc.close(fresh);
                if (rc < 0) {
                    throw new IOException("cannot replace fd " + fd + ": errno " + -rc);
                }
            }
        }
        return count;
    }
}
