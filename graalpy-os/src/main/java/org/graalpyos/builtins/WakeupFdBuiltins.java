package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.signals.WakeupFd;

/** The launcher's signal.set_wakeup_fd and signal.signal (graalpy_os/jvm_signals.py): {@link WakeupFd}. */
final class WakeupFdBuiltins {
    private WakeupFdBuiltins() {
    }

    /** set_wakeup_fd(fd) → the previous one; GraalPy's set_wakeup_fd checked the fd first. */
    static final class SetWakeupFd extends Builtin {
        SetWakeupFd() {
            super("set_wakeup_fd(fd: int) -> int");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("set_wakeup_fd");
            return WakeupFd.set(args.integer("fd"));
        }
    }

    /** wake_on_signal(signalnum): the signal's Python handler, just set, also writes the wake-up byte. */
    static final class WakeOnSignal extends Builtin {
        WakeOnSignal() {
            super("wake_on_signal(signalnum: int) -> None");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("signal");
            WakeupFd.wrap(args.integer("signalnum"));
            return null;
        }
    }
}
