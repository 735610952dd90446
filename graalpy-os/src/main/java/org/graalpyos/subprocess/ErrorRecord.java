package org.graalpyos.subprocess;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;

/**
 * The record CPython's child writes on errpipe_write when it cannot exec, which subprocess.py
 * parses: "OSError:&lt;hex errno&gt;:" with "noexec" (or "noexec:chdir") for a step before the exec,
 * or "SubprocessError:0:&lt;message&gt;". The only encoder of it: formatted without allocating or
 * linking anything, because a forked JVM child writes it, possibly after closing the JVM's files.
 */
public final class ErrorRecord {
    /** Bytes a record may take: the prefixes, eight hex digits, and a message cut to fit. */
    public static final long SIZE = 256;

    /** Where the child failed: the exec (no suffix), a step before it ("noexec"), its chdir ("noexec:chdir"). */
    public enum Stage {
        EXEC(new byte[0]),
        SETUP(new byte[]{'n', 'o', 'e', 'x', 'e', 'c'}),
        CHDIR(new byte[]{'n', 'o', 'e', 'x', 'e', 'c', ':', 'c', 'h', 'd', 'i', 'r'});

        private final byte[] suffix;

        Stage(byte[] suffix) {
            this.suffix = suffix;
        }
    }

    private static final byte[] OS_ERROR = {'O', 'S', 'E', 'r', 'r', 'o', 'r', ':'};
    private static final byte[] SUBPROCESS_ERROR = {'S', 'u', 'b', 'p', 'r', 'o', 'c', 'e', 's', 's', 'E', 'r', 'r', 'o', 'r', ':', '0', ':'};
    private static final byte[] HEX_DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private ErrorRecord() {
    }

    /** "OSError:&lt;hex errno&gt;:&lt;stage's suffix&gt;" into {@code record} ("SubprocessError:0:" for errno 0, as CPython's child): its length. */
    public static int osError(MemorySegment record, int errno, Stage stage) {
        if (errno == 0) {
            return put(record, 0, SUBPROCESS_ERROR);
        }
        int length = put(record, 0, OS_ERROR);
        boolean started = false;
        for (int shift = 28; shift >= 0; shift -= 4) {
            int digit = (errno >>> shift) & 0xf;
            if (digit != 0 || started || shift == 0) {
                record.set(ValueLayout.JAVA_BYTE, length++, HEX_DIGITS[digit]);
                started = true;
            }
        }
        record.set(ValueLayout.JAVA_BYTE, length++, (byte) ':');
        return put(record, length, stage.suffix);
    }

    /** "SubprocessError:0:&lt;message&gt;", the message's non-ASCII characters as '?', cut to {@link #SIZE}: its length. */
    public static int subprocessError(MemorySegment record, String message) {
        int length = put(record, 0, SUBPROCESS_ERROR);
        for (int i = 0; i < message.length() && length < SIZE; i++) {
            char c = message.charAt(i);
            record.set(ValueLayout.JAVA_BYTE, length++, c < 0x80 ? (byte) c : (byte) '?');
        }
        return length;
    }

    /** Where {@link #write} captures errno: only a forked child writes records, on one thread. */
    private static final MemorySegment ERRNO_STATE = Downcalls.allocateErrnoState(Arena.global());

    /** Writes {@code length} bytes of {@code record} to fd: whether all were written. */
    static boolean write(int fd, MemorySegment record, int length) {
        return FileCalls.write(ERRNO_STATE, fd, record, length) == length;
    }

    private static int put(MemorySegment record, int at, byte[] bytes) {
        int length = at;
        for (byte b : bytes) {
            record.set(ValueLayout.JAVA_BYTE, length++, b);
        }
        return length;
    }

    /** In the parent: runs every path of this class once (onto fd -1), so that a child links nothing. */
    static void linkInParent(MemorySegment record) {
        for (Stage stage : Stage.values()) {
            for (int errno : new int[]{0, 2, 0x1234}) {
                write(-1, record, osError(record, errno, stage));
            }
        }
        write(-1, record, subprocessError(record, "\u00e9"));
    }
}
