package org.graalpyos.language;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.oracle.truffle.api.TruffleLanguage.Env;

import org.graalpyos.embed.ProcessCreation;
import org.graalpyos.embed.ProcessCreationPolicy;

/** Per polyglot Context state: what the embedder allowed, and the Python exception types. */
public final class OsContext {
    private final Env env;
    private final OsBuiltins builtins;
    private final PythonErrors errors = new PythonErrors();
    private final PythonValues values = new PythonValues(errors);
    /** Set once by the host before any Python code (GraalPyOs.install), never by Python. */
    private ProcessCreationPolicy policy;
    private boolean forkAllowed;
    private Object graalPyForkExec;
    private Object graalPySystem;
    /** The builtins of the bootstrap that may run once per Context and have run. */
    private final Set<String> doneOnce = new HashSet<>();

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

    public PythonValues values() {
        return values;
    }

    /** Once, by the bootstrap: from now on our errors are Python's own exception types, and Java can make Python values. */
    public void bind(Object pythonBuiltins, Object pythonNone) {
        claimOnce("bind");
        errors.bind(pythonBuiltins);
        values.bind(pythonBuiltins, pythonNone);
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

    /**
     * For a builtin the bootstrap calls once (bind, install_lock_at_fork_reinit): any later call,
     * which only Python code that reached the builtins can make, is refused.
     */
    public synchronized void claimOnce(String function) {
        if (!doneOnce.add(function)) {
            throw errors.permissionError(function + "() is called once, by graalpy-os's bootstrap");
        }
    }

    /**
     * The host's policy, and whether it allows forking the JVM (GraalPyOs.Option.NO_FORK); a second
     * call (by Python code, which can reach the builtins) is refused.
     */
    public synchronized void setProcessCreationPolicy(Object hostObject, boolean forkAllowed) {
        if (policy != null) {
            throw errors.permissionError("the process creation policy is set by the embedding application, once");
        }
        if (!env.isHostObject(hostObject) || !(env.asHostObject(hostObject) instanceof ProcessCreationPolicy given)) {
            throw errors.typeError("expected a ProcessCreationPolicy");
        }
        policy = given;
        this.forkAllowed = forkAllowed;
    }

    /** Refuses a fork of the JVM where the embedding application installed graalpy-os with NO_FORK. */
    public synchronized void checkFork(String function) {
        if (!forkAllowed) {
            throw errors.permissionError(function + "() forks, which the embedding application does not allow (GraalPyOs.Option.NO_FORK)");
        }
    }

    /**
     * GraalPy's own process creators (its _posixsubprocess.fork_exec and os.system), which ask no
     * policy: held here only, so that Python code reaches them only through the builtins that
     * check first. The bootstrap hands them over once, before any user code.
     */
    public synchronized void holdGraalPyProcessCreators(Object forkExec, Object system) {
        claimOnce("hold_graalpy_process_creators");
        graalPyForkExec = forkExec;
        graalPySystem = system;
    }

    public synchronized Object graalPyForkExec() {
        return graalPyForkExec;
    }

    public synchronized Object graalPySystem() {
        return graalPySystem;
    }

    /** Asks the host's policy; a veto becomes PermissionError. Without a policy (no install yet) nothing may be created. */
    public void checkProcessCreation(ProcessCreation creation) {
        String veto = vetoOf(creation);
        if (veto != null) {
            throw errors.permissionError(veto);
        }
    }

    /** The host policy's veto of {@code creation} as the PermissionError's message, or null when it allows it. */
    public String vetoOf(ProcessCreation creation) {
        ProcessCreationPolicy current;
        synchronized (this) {
            current = policy;
        }
        if (current == null) {
            return creation.function() + "(): graalpy-os was not installed by the host (GraalPyOs.install)";
        }
        try {
            current.check(creation);
            return null;
        } catch (RuntimeException veto) {
            return creation.function() + "() was vetoed by the embedding application's ProcessCreationPolicy: " + veto.getMessage();
        }
    }

    /**
     * A change of this process's credentials, or of a subprocess child's (setreuid, setregid,
     * setgroups): the Context's native access, then the host's policy, which sees the ids as
     * arguments ("-1": unchanged).
     */
    public void checkCredentialChange(String function, int... ids) {
        checkNativeAccess(function);
        String[] texts = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            texts[i] = ids[i] == -1 ? "-1" : Integer.toUnsignedString(ids[i]);
        }
        checkProcessCreation(new ProcessCreation(function, null, List.of(texts), null));
    }
}
