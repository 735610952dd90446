package org.graalpyos.language;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import org.graalpyos.fork.ChildThreads;
import org.graalpyos.signals.HeldSignals;

/**
 * Our own Truffle language: evaluating any source returns the builtins object that the Python
 * shim installs into {@code os}/{@code posix}. Being a language of its own lets the host inject
 * the builtins without giving the script host or polyglot access.
 */
@TruffleLanguage.Registration(id = OsLanguage.ID, name = "graalpy-os", version = "0.1", characterMimeTypes = OsLanguage.MIME_TYPE, internal = false)
public final class OsLanguage extends TruffleLanguage<OsContext> {
    public static final String ID = "graalpy-os";
    public static final String MIME_TYPE = "application/x-graalpy-os";

    private static final ContextReference<OsContext> CONTEXT = ContextReference.create(OsLanguage.class);

    @Override
    protected OsContext createContext(Env env) {
        // the thread that makes the Context (the host's, evaluating graalpy-os) is Python's main thread
        HeldSignals.setMainThread(Thread.currentThread());
        return new OsContext(env);
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        // Python threads call our builtins; every builtin is thread-safe.
        return true;
    }

    @Override
    protected void initializeThread(OsContext context, Thread thread) {
        ChildThreads.entered(thread);
    }

    @Override
    protected void disposeThread(OsContext context, Thread thread) {
        ChildThreads.left(thread);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        return new RootNode(this) {
            @Override
            public Object execute(VirtualFrame frame) {
                return CONTEXT.get(this).builtins();
            }
        }.getCallTarget();
    }
}
