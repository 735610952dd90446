package org.graalpyos.language;

import com.oracle.truffle.api.TruffleLanguage.Env;

import org.graalpyos.embed.ProcessCreation;
import org.graalpyos.embed.ProcessCreationPolicy;

/** Per polyglot Context state: what the embedder allowed, and the Python exception types. */
public final class OsContext {
    private final Env env;
    private final OsBuiltins builtins;
    private final PythonErrors errors = new PythonErrors();
    /** Set once by the host before any Python code (GraalPyOs.install), never by Python. */
    private ProcessCreationPolicy policy;

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

    /** The host's policy; a second call (by Python code, which can reach the builtins) is refused. */
    public synchronized void setProcessCreationPolicy(Object hostObject) {
        if (policy != null) {
            throw errors.permissionError("the process creation policy is set by the embedding application, once");
        }
        if (!env.isHostObject(hostObject) || !(env.asHostObject(hostObject) instanceof ProcessCreationPolicy given)) {
            throw errors.typeError("expected a ProcessCreationPolicy");
        }
        policy = given;
    }

    /** Asks the host's policy; a veto becomes PermissionError. Without a policy (no install yet) nothing may be created. */
    public void checkProcessCreation(ProcessCreation creation) {
        ProcessCreationPolicy current;
        synchronized (this) {
            current = policy;
        }
        if (current == null) {
            throw errors.permissionError(creation.function() + "(): graalpy-os was not installed by the host (GraalPyOs.install)");
        }
        try {
            current.check(creation);
        } catch (RuntimeException veto) {
            throw errors.permissionError(creation.function() + "() was vetoed by the embedding application's ProcessCreationPolicy: "
                            + veto.getMessage());
        }
    }
}
