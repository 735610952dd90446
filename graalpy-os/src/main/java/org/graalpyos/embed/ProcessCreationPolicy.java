package org.graalpyos.embed;

/**
 * The embedding application's say over every process graalpy-os creates for Python code, and
 * every change of its credentials, given
 * to {@link GraalPyOs#install(org.graalvm.polyglot.Context, ProcessCreationPolicy, GraalPyOs.Option...)}:
 * it sees each one before it exists and may veto it by throwing; Python then gets a
 * PermissionError carrying the exception's message. It runs after the Context's permissions and
 * Python's audit hooks allowed the operation, on the thread that asked.
 */
@FunctionalInterface
public interface ProcessCreationPolicy {
    /** Allows everything (what {@link GraalPyOs#install(org.graalvm.polyglot.Context, GraalPyOs.Option...)} uses). */
    ProcessCreationPolicy ALLOW_ALL = creation -> {
    };

    /** Returns to allow {@code creation}; throws (any RuntimeException) to veto it. */
    void check(ProcessCreation creation);
}
