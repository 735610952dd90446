package org.graalpyos.functions.syslog;

import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * CPython 3.12's syslog module (Modules/syslogmodule.c). LOG_MASK and LOG_UPTO are Java (C int
 * arithmetic, as the macros compute it); openlog, closelog and setlogmask are graalpy_os/syslog_.py,
 * which raises their audit events and derives openlog's default ident from sys.argv; syslog.syslog
 * itself is written there by hand: its clinic signature has an optional group ([priority,] message)
 * that a declaration cannot express (no __text_signature__, PyArg_ParseTuple's errors).
 */
public final class Syslog {
    private Syslog() {
    }

    private static PythonFunction shim(String declaration, String doc) {
        return new PythonFunction("syslog_", declaration, doc);
    }

    public static List<PythonFunction> python() {
        return List.of(
                        shim("syslog.openlog(ident: unicode = NULL, logoption: long = 0, facility: long = LOG_USER) -> object",
                                        "Set logging options of subsequent syslog() calls."),
                        shim("syslog.closelog() -> object", "Reset the syslog module values and call the system library closelog()."),
                        shim("syslog.setlogmask(maskpri: long, /) -> object", "Set the priority mask to maskpri and return the previous mask value."));
    }

    public static List<Builtin> all() {
        return List.of(new Mask("syslog.LOG_MASK(pri: long, /) -> long", "Calculates the mask for the individual priority pri.", false),
                        new Mask("syslog.LOG_UPTO(pri: long, /) -> long", "Calculates the mask for all priorities up to and including pri.", true));
    }

    /** LOG_MASK(pri) (1 << (pri)) and LOG_UPTO(pri) ((1 << ((pri)+1)) - 1): C int shifts, the count taken mod 32 as x86-64's shl does. */
    static final class Mask extends Builtin {
        private final boolean upTo;

        Mask(String declaration, String doc, boolean upTo) {
            super(declaration, doc);
            this.upTo = upTo;
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            long pri = args.longInteger("pri");
            return upTo ? (long) ((1 << (int) (pri + 1)) - 1) : (long) (1 << (int) pri);
        }
    }
}
