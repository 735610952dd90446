package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Signals;
import org.graalpyos.signals.SignalDisposition;

/**
 * signal_disposition(signum, disposition) → the previous one (0 default, 1 ignored, 2 caught);
 * disposition -1 only reads, 2 puts the JVM's own action back. Only for SIGHUP, SIGINT and SIGTERM,
 * the signals whose disposition the JVM will not change once they are ignored, and SIGQUIT, which
 * the JVM keeps for itself (graalpy_os/jvm_signals.py).
 */
final class SignalDispositionBuiltin extends Builtin {
    SignalDispositionBuiltin() {
        super("signal_disposition(signalnum: int, disposition: int) -> int");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int signal = args.integer("signalnum");
        int disposition = args.integer("disposition");
        boolean jvmSignal = signal == Signals.SIGHUP || signal == Signals.SIGINT || signal == Signals.SIGTERM || signal == Signals.SIGQUIT;
        if (!jvmSignal || disposition < -1 || disposition > SignalDisposition.CAUGHT) {
            throw context.errors().valueError(name() + ": only SIGHUP, SIGINT, SIGTERM and SIGQUIT, to the default, ignored or the JVM's");
        }
        context.checkNativeAccess("signal");
        return SignalDisposition.set(signal, disposition);
    }
}
