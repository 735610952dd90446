package org.graalpyos.builtins;

import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.Libc;
import org.graalpyos.nativeapi.Signals;

/**
 * capabilities() → "closefrom(0/1) NSIG rejected-signal..." ({@link Wire}): what this libc
 * offers, so the shim exports only constants that work and warns as CPython does. Without
 * native access nothing native is asked and the answer is the most conservative one.
 */
final class CapabilitiesBuiltin implements Builtin {
    @Override
    public String name() {
        return "capabilities";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        if (!context.isNativeAccessAllowed()) {
            return Wire.ints(0, Signals.NSIG);
        }
        int[] reserved = Libc.reservedSignals();
        long[] values = new long[2 + reserved.length];
        values[0] = Libc.hasSpawnCloseFrom() ? 1 : 0;
        values[1] = Signals.NSIG;
        for (int i = 0; i < reserved.length; i++) {
            values[2 + i] = reserved[i];
        }
        return Wire.ints(values);
    }
}
