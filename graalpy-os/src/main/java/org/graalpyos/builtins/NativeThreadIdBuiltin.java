package org.graalpyos.builtins;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.SystemCalls;

/**
 * native_thread_id(): gettid(2), as CPython's threading.get_native_id. GraalPy's gives the Java
 * thread's id, which a forked child's main thread shares with its parent's. The shim's first call,
 * at start-up, links the downcall in the parent, so a forked child can make it too.
 */
final class NativeThreadIdBuiltin extends Builtin {
    NativeThreadIdBuiltin() {
        super("native_thread_id() -> int");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        context.checkNativeAccess("get_native_id");
        return SystemCalls.gettid();
    }
}
