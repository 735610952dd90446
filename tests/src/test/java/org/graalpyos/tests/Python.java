package org.graalpyos.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import org.graalpyos.embed.GraalPyOs;
import org.graalpyos.embed.ProcessCreationPolicy;

/** An embedded Python with graalpy-os installed, as a Java application would build it. */
final class Python implements AutoCloseable {
    final Context context;

    private Python(Context context) {
        this.context = context;
    }

    /** Every permission graalpy-os needs. */
    static Python full() {
        return full(ProcessCreationPolicy.ALLOW_ALL);
    }

    /** Every permission graalpy-os needs, and the application's policy over process creation. */
    static Python full(ProcessCreationPolicy policy) {
        Context context = GraalPyOs.contextBuilder()
                        .allowNativeAccess(true)
                        .allowCreateProcess(true)
                        .allowCreateThread(true)
                        .allowIO(IOAccess.ALL)
                        .allowEnvironmentAccess(org.graalvm.polyglot.EnvironmentAccess.INHERIT)
                        .option("engine.WarnInterpreterOnly", "false")
                        .option("log.python.level", "SEVERE")
                        .build();
        GraalPyOs.install(context, policy);
        Python python = new Python(context);
        python.eval(ERROR_OF);
        return python;
    }

    /** error_of(call) → "ExceptionType: message", or "no error": how the tests compare CPython's errors. */
    private static final String ERROR_OF = """
                    def error_of(call):
                        try:
                            call()
                        except BaseException as e:
                            return f"{type(e).__name__}: {e}"
                        return "no error"
                    """;

    /** Native access but no process creation: the sandbox the PermissionError tests run in. */
    static Python withoutCreateProcess() {
        return of(GraalPyOs.contextBuilder()
                        .allowNativeAccess(true)
                        .allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false")
                        .option("log.python.level", "SEVERE")
                        .build());
    }

    static Python of(Context context) {
        return of(context, true);
    }

    /** install: false when the caller installed graalpy-os itself (with its options). */
    static Python of(Context context, boolean install) {
        if (install) {
            GraalPyOs.install(context);
        }
        return new Python(context);
    }

    Value eval(String code) {
        return context.eval("python", code);
    }

    /** Runs statements, then returns the value of the expression {@code result}. */
    Value run(String statements) {
        eval(statements);
        return eval("result");
    }

    @Override
    public void close() {
        context.close();
    }
}
