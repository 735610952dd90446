package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.SpawnCalls;
import org.graalpyos.nativeapi.Signals;

/**
 * capabilities() → [closefrom (0/1), NSIG, rejected signal...]: what this libc
 * offers, so the shim exports only constants that work and warns as CPython does. Without
 * native access nothing native is asked and the answer is the most conservative one.
 */
final class CapabilitiesBuiltin extends Builtin {
    CapabilitiesBuiltin() {
        super("capabilities() -> [int]");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        if (!context.isNativeAccessAllowed()) {
            return new long[]{0, Signals.NSIG};
        }
        int[] reserved = SignalCalls.reservedSignals();
        long[] values = new long[2 + reserved.length];
        values[0] = SpawnCalls.hasSpawnCloseFrom() ? 1 : 0;
        values[1] = Signals.NSIG;
        for (int i = 0; i < reserved.length; i++) {
            values[2 + i] = reserved[i];
        }
        return values;
    }
}
