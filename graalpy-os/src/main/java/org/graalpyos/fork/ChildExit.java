package org.graalpyos.fork;

/**
 * The exit statuses of a forked child that the JVM cannot carry on, each with the one line the
 * child prints on stderr. Documented in the README; distinct from what Python code usually uses.
 */
public enum ChildExit {
    /** Seen only by the parent, which retries: the child found the JVM unsafe before running any Python. */
    UNSAFE_AT_FORK(75, "the JVM was in the middle of a VM operation or held an internal lock at fork (retried)"),
    /** A garbage collection was requested: the eden space free at fork is spent, and a forked JVM has no VM thread to collect. */
    NEEDS_GC(71, "the JVM needs a garbage collection (the memory free at fork is spent) and a forked JVM child has no VM thread to run it"),
    /** Another VM operation was requested, e.g. deoptimization after a class was loaded in the child. */
    NEEDS_VM_OPERATION(73, "the JVM needs a VM operation (%s) and a forked JVM child has no VM thread to run it"),
    /** The child could not be initialized after fork. */
    RECOVERY_FAILED(70, "the child could not be initialized after fork");

    public static final String REMEDY = "use os.posix_spawn, subprocess, or multiprocessing's spawn or forkserver start methods "
                    + "for long-running or allocation-heavy children";

    public final int status;
    public final String cause;

    ChildExit(int status, String cause) {
        this.status = status;
        this.cause = cause;
    }

    /** The line the child prints before exiting with {@link #status}. */
    public String message() {
        return message("");
    }

    /** The line, naming the VM operation where the cause has a place for it. */
    public String message(String operation) {
        return "graalpy-os: forked child exits with status " + status + ": " + cause.replace("%s", operation) + "; " + REMEDY + "\n";
    }
}
