package org.graalpyos.fork;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

import org.graalpyos.jvm.JvmFiles;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;

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
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
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
                int fresh = FileCalls.openReadOnly(errnoState, arena.allocateFrom(name));
                if (fresh < 0) {
                    throw new IOException("cannot reopen " + name + ": errno " + -fresh);
                }
                int rc = FileCalls.dup3(errnoState, fresh, fd, FileCalls.O_CLOEXEC);
                FileCalls.close(errnoState, fresh);
                if (rc < 0) {
                    throw new IOException("cannot replace fd " + fd + ": errno " + -rc);
                }
            }
        }
        return count;
    }
}
