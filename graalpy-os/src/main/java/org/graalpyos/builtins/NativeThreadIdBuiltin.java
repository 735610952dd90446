package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Libc;

/**
 * native_thread_id(): gettid(2), as CPython's threading.get_native_id. GraalPy's gives the Java
 * thread's id, which a forked child's main thread shares with its parent's. The shim's first call,
 * at start-up, links the downcall in the parent, so a forked child can make it too.
 */
final class NativeThreadIdBuiltin implements Builtin {
    @Override
    public String name() {
        return "native_thread_id";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 0);
        context.checkNativeAccess("get_native_id");
        return Libc.gettid();
    }
}
