package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.SyslogCalls;

/** syslog(3) for graalpy_os/syslog_.py, which converts the arguments and raises the audit events as CPython's. */
final class SyslogBuiltins {
    private SyslogBuiltins() {
    }

    static List<Builtin> all() {
        return List.of(new Open(), new Write(), new Close(), new Mask());
    }

    /** openlog(ident or NULL, logopt, facility): C longs passed to openlog's ints. */
    static final class Open extends Builtin {
        Open() {
            super("syslog_open(ident: bytes?, logoption: long, facility: long) -> None");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("openlog");
            SyslogCalls.openlog(args.bytes("ident"), (int) (long) args.longInteger("logoption"), (int) (long) args.longInteger("facility"));
            return null;
        }
    }

    /** syslog(priority, "%s", message); False when the log is not open yet (the shim opens it, then calls again). */
    static final class Write extends Builtin {
        Write() {
            super("syslog_write(priority: int, message: bytes) -> bool");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("syslog");
            return SyslogCalls.syslog(args.integer("priority"), args.bytes("message"));
        }
    }

    static final class Close extends Builtin {
        Close() {
            super("syslog_close() -> None");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("closelog");
            SyslogCalls.closelog();
            return null;
        }
    }

    /** setlogmask(maskpri): a C long passed to setlogmask's int; the previous mask. */
    static final class Mask extends Builtin {
        Mask() {
            super("syslog_setlogmask(mask: long) -> long");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("setlogmask");
            return (long) SyslogCalls.setlogmask((int) (long) args.longInteger("mask"));
        }
    }
}
