package org.graalpyos.builtins;

import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Tuple;
import org.graalpyos.nativeapi.Libc;

/**
 * capabilities() → (has POSIX_SPAWN_CLOSEFROM, NSIG, signals sigaddset rejects): what this libc
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
            return new Tuple(false, Libc.NSIG, new Tuple());
        }
        return new Tuple(Libc.hasSpawnCloseFrom(), Libc.NSIG, new Tuple(Libc.reservedSignals()));
    }
}
