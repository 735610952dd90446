package org.graalpyos.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import org.graalpyos.fork.HostAtForkCallbacks;
import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.language.OsLanguage;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * The one public entry point for Java applications that embed Python.
 *
 * <pre>{@code
 * try (Context context = GraalPyOs.contextBuilder()
 *                 .allowNativeAccess(true)
 *                 .allowCreateProcess(true)
 *                 .allowCreateThread(true)
 *                 .allowIO(IOAccess.ALL)
 *                 .build()) {
 *     GraalPyOs.install(context);
 *     context.eval("python", "import os; pid = os.posix_spawn('/bin/true', ['true'], {}); print(os.waitpid(pid, 0))");
 * }
 * }</pre>
 *
 * Opt-in and permission-honouring: without {@code allowCreateProcess} the spawn family raises
 * PermissionError; without {@code allowNativeAccess} nothing native is called and every function
 * raises PermissionError naming the permission.
 */
public final class GraalPyOs {
    /** The id of our Truffle language; a Context must permit it next to "python". */
    public static final String LANGUAGE_ID = OsLanguage.ID;

    private static final String BOOTSTRAP_RESOURCE = "graalpy_os/_bootstrap.py";

    private GraalPyOs() {
    }

    /**
     * A builder for a Python Context with graalpy-os permitted, real fds and wait statuses (native
     * POSIX backend) and, on a GraalPy that asks for it (25.1 on), signal.signal allowed: fork,
     * wait and subprocess rely on Python signal handlers as CPython's do.
     */
    public static Context.Builder contextBuilder() {
        Context.Builder builder = Context.newBuilder("python", LANGUAGE_ID).option("python.PosixModuleBackend", "native");
        return SignalHandlersOption.PRESENT ? builder.option("python.AllowSignalHandlers", "true") : builder;
    }

    private static final class SignalHandlersOption {
        static final boolean PRESENT = GraalPyInternals.hasOption("AllowSignalHandlers");
    }

    /** What an embedder can leave out. */
    public enum Option {
        /**
         * No fork of the JVM for Python code: no os.fork (hasattr(os, "fork") is False), as on stock
         * GraalPy, and every builtin that would fork refuses (subprocess still spawns).
         */
        NO_FORK
    }

    /**
     * Registers host callbacks around every os.fork() of any Context (the JVM's pthread_atfork):
     * {@code before} runs after Python's before-hooks, the others before Python's after-hooks; any
     * may be null, not all. An exception is reported on stderr, not propagated.
     */
    public static void registerAtFork(Runnable before, Runnable afterInParent, Runnable afterInChild) {
        HostAtForkCallbacks.register(before, afterInParent, afterInChild);
    }

    /**
     * Installs our functions into {@code os} and {@code posix} of this Context's Python, before the
     * caller runs any user code.
     *
     * @throws IllegalStateException if the Context does not permit the graalpy-os language, or
     *                               GraalPy is not the version graalpy-os supports
     */
    public static void install(Context context, Option... options) {
        install(context, ProcessCreationPolicy.ALLOW_ALL, options);
    }

    /**
     * {@link #install(Context, Option...)} with the application's policy over every process
     * Python code creates (posix_spawn, spawn*, fork, forkpty, exec*, subprocess, os.system,
     * multiprocessing): each is shown to {@code policy} first, which may veto it. Python code
     * cannot replace or remove it.
     */
    public static void install(Context context, ProcessCreationPolicy policy, Option... options) {
        java.util.Objects.requireNonNull(policy, "policy");
        if (GraalPyInternals.unavailableReason() != null) {
            throw new IllegalStateException(GraalPyInternals.unavailableReason());
        }
        Value builtins;
        try {
            builtins = context.eval(LANGUAGE_ID, "");
        } catch (IllegalArgumentException | PolyglotException e) {
            throw new IllegalStateException("graalpy-os: this Context does not permit the '" + LANGUAGE_ID
                            + "' language; build it with GraalPyOs.contextBuilder() or Context.newBuilder(\"python\", \"" + LANGUAGE_ID + "\")", e);
        }
        StringBuilder words = new StringBuilder();
        for (Option option : options) {
            words.append(option.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        }
        builtins.invokeMember("set_process_creation_policy", policy, !java.util.List.of(options).contains(Option.NO_FORK));
        context.eval(BootstrapSource.SOURCE).execute(builtins, words.toString());
        JvmFdsCloseOnExec.markJvmFiles();
    }

    private static final class BootstrapSource {
        static final Source SOURCE = Source.newBuilder("python", read(), "<graalpy-os bootstrap>").internal(true).buildLiteral();

        private static String read() {
            try (InputStream in = GraalPyOs.class.getClassLoader().getResourceAsStream(BOOTSTRAP_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("graalpy-os: " + BOOTSTRAP_RESOURCE + " is not on the class path (lib-python-shims jar missing)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
