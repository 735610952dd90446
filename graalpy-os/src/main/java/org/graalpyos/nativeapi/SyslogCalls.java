package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/**
 * syslog(3) as CPython's syslog module calls it: openlog keeps the ident it is given (libc does
 * not copy it), so the ident lives until the next openlog or closelog, as CPython's S_ident_o;
 * syslog formats the message with "%s". The state is the process's, as libc's.
 */
public final class SyslogCalls {
    private SyslogCalls() {
    }

    static final class Log {
        static final MethodHandle OPENLOG = downcall("openlog", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT));
        /** syslog(int priority, const char *format, ...) called as syslog(priority, "%s", message). */
        static final MethodHandle SYSLOG = downcall("syslog", FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), Linker.Option.firstVariadicArg(2));
        static final MethodHandle CLOSELOG = downcall("closelog", FunctionDescriptor.ofVoid());
        static final MethodHandle SETLOGMASK = downcall("setlogmask", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final Object LOCK = new Object();
    /** The ident openlog was given (its arena), or null: libc reads it at every syslog call. */
    private static Arena identArena;
    private static boolean open;
    private static final MemorySegment FORMAT = Arena.global().allocateFrom("%s");

    /** openlog(3); ident null: libc's own (program_invocation_short_name). The previous ident is freed after. */
    public static void openlog(byte[] ident, int option, int facility) {
        synchronized (LOCK) {
            Arena arena = ident == null ? null : Arena.ofShared();
            MemorySegment cIdent = arena == null ? MemorySegment.NULL : CStrings.of(arena, ident);
            Downcalls.callPlainVoid(Log.OPENLOG, cIdent, option, facility);
            Arena previous = identArena;
            identArena = arena;
            open = true;
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** syslog(3) of {@code message}; false without logging when no openlog was made (the caller opens the log first, as CPython's). */
    public static boolean syslog(int priority, byte[] message) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cMessage = CStrings.of(arena, message);
            synchronized (LOCK) {
                if (!open) {
                    return false;
                }
                Downcalls.callPlainVoid(Log.SYSLOG, priority, FORMAT, cMessage);
                return true;
            }
        }
    }

    /** closelog(3) if the log is open, and the ident freed. */
    public static void closelog() {
        synchronized (LOCK) {
            if (!open) {
                return;
            }
            Downcalls.callPlainVoid(Log.CLOSELOG);
            if (identArena != null) {
                identArena.close();
                identArena = null;
            }
            open = false;
        }
    }

    /** setlogmask(3): the previous mask. */
    public static int setlogmask(int mask) {
        return Downcalls.callPlain(Log.SETLOGMASK, mask);
    }
}
