package org.graalpyos.language;

import com.oracle.truffle.api.TruffleLanguage.Env;

/** Per polyglot Context state: what the embedder allowed, and the Python exception types. */
public final class OsContext {
    private final Env env;
    private final OsBuiltins builtins;
    private final PythonErrors errors = new PythonErrors();

    OsContext(Env env) {
        this.env = env;
        this.builtins = new OsBuiltins(this);
    }

    OsBuiltins builtins() {
        return builtins;
    }

    public PythonErrors errors() {
        return errors;
    }

    public boolean isNativeAccessAllowed() {
        return env.isNativeAccessAllowed();
    }

    /** Refuses before any native call when the embedder did not allow native access. */
    public void checkNativeAccess(String function) {
        if (!isNativeAccessAllowed()) {
            throw errors.permissionError(function + "() needs native access, which this Context does not allow "
                            + "(Context.Builder.allowNativeAccess(true))");
        }
    }

    /** Refuses before anything is created when the embedder did not allow process creation. */
    public void checkCreateProcess(String function) {
        if (!env.isCreateProcessAllowed()) {
            throw errors.permissionError(function + "() creates a process, which this Context does not allow "
                            + "(Context.Builder.allowCreateProcess(true))");
        }
        checkNativeAccess(function);
    }
}
