package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Signals;
import org.graalpyos.signals.SignalDisposition;

/**
 * signal_disposition(signum, disposition) → the previous one (0 default, 1 ignored, 2 caught);
 * disposition -1 only reads. Only for SIGHUP, SIGINT and SIGTERM, the signals whose disposition the
 * JVM will not change once they are ignored (graalpy_os/shutdown_signals.py).
 */
final class SignalDispositionBuiltin implements Builtin {
    @Override
    public String name() {
        return "signal_disposition";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 2);
        int signal = Args.toInt(context, args[0]);
        int disposition = Args.toInt(context, args[1]);
        if ((signal != Signals.SIGHUP && signal != Signals.SIGINT && signal != Signals.SIGTERM) || disposition < -1 || disposition > SignalDisposition.IGNORED) {
            throw context.errors().valueError(name() + ": only SIGHUP, SIGINT and SIGTERM, to the default or ignored");
        }
        context.checkNativeAccess("signal");
        return SignalDisposition.set(signal, disposition);
    }
}
