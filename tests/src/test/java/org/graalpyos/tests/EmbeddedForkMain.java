package org.graalpyos.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;

import org.graalpyos.embed.GraalPyOs;

/**
 * A Java application that embeds Python, registers host at-fork callbacks and lets its script
 * fork (run in its own JVM by EmbeddingForkTest). Every callback and hook prints one line.
 */
public final class EmbeddedForkMain {
    private EmbeddedForkMain() {
    }

    public static void main(String[] args) {
        GraalPyOs.registerAtFork(() -> System.out.println("host before"), () -> System.out.println("host after_in_parent"),
                        () -> {
                            System.out.println("host after_in_child");
                            System.out.flush();
                        });
        GraalPyOs.registerAtFork(() -> {
            throw new IllegalStateException("a failing host callback is reported, not propagated");
        }, null, null);
        try (Context context = GraalPyOs.contextBuilder().allowNativeAccess(true).allowCreateProcess(true).allowCreateThread(true)
                        .allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").option("log.python.level", "SEVERE").build()) {
            GraalPyOs.install(context);
            context.eval("python", """
                            import os, sys
                            os.register_at_fork(before=lambda: print("python before", flush=True),
                                                after_in_parent=lambda: print("python after_in_parent", flush=True),
                                                after_in_child=lambda: print("python after_in_child", flush=True))
                            sys.stdout.flush()
                            pid = os.fork()
                            if pid == 0:
                                os._exit(9)
                            print("child status", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
                            """);
        }
    }
}
