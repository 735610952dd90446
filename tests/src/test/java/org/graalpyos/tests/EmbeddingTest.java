package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.graalpyos.embed.GraalPyOs;

/** The embedding API: one opt-in call, and the Context's permissions are honoured. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddingTest {

    @Test
    void builtinsAreInstalledAndSpawnARealProcess() {
        try (Python py = Python.full()) {
            String result = py.run("""
                            import os
                            pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exit 7'], {})
                            wpid, status = os.waitpid(pid, 0)
                            result = f"{wpid == pid} {os.waitstatus_to_exitcode(status)} {os.confstr('CS_GNU_LIBC_VERSION').split()[0]}"
                            """).asString();
            assertEquals("True 7 glibc", result);
        }
    }

    @Test
    void exportOnlyModulesLoadOnFirstUseAndExportWhatTheyList() {
        try (Python py = Python.full()) {
            String result = py.run("""
                            import importlib, os, posix, sys
                            import graalpy_os
                            lazy = graalpy_os._LAZY_EXPORTS
                            loaded_at_start = sorted(m for m in lazy if "graalpy_os." + m in sys.modules)
                            listed = all(name in dir(os) and name in os.__all__ for names in lazy.values() for group in names for name in group)
                            same = os.waitpid is posix.waitpid and os.WNOHANG == 1 and "graalpy_os.wait" in sys.modules
                            mismatched = []
                            for name, (to_posix, to_os) in lazy.items():
                                module = importlib.import_module("graalpy_os." + name)
                                exported = set(module.exports()) | set(getattr(module, "constants", dict)())
                                if exported != set(to_posix) | set(to_os):
                                    mismatched.append(name)
                            result = f"{loaded_at_start} {listed} {same} {mismatched} {hasattr(os, 'no_such_name')}"
                            """).asString();
            assertEquals("[] True True [] False", result);
        }
    }

    @Test
    void noForkIsEnforcedInJavaNotOnlyByLeavingOsForkOut() {
        Context context = GraalPyOs.contextBuilder().allowNativeAccess(true).allowCreateProcess(true).allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
        GraalPyOs.install(context, GraalPyOs.Option.NO_FORK);
        try (Python py = Python.of(context, false)) {
            String result = py.run("""
                            import os, subprocess
                            import graalpy_os._native
                            native = graalpy_os._native.builtins._native
                            out = [str(hasattr(os, "fork"))]
                            for call in (native.fork, lambda: native.subprocess_fork("/bin/true\\0", "true\\0", None, None, "",
                                         -1, -1, -1, -1, -1, -1, -1, -1, False, False, False, -1, -1, "", -1, -1)):
                                try:
                                    call()
                                    out.append("forked")
                                except PermissionError as e:
                                    out.append(str(e))
                            out.append(str(subprocess.run(["/bin/true"]).returncode))  # posix_spawn, not a fork
                            result = "\\n".join(out)
                            """).asString();
            String[] lines = result.split("\n");
            assertEquals("False", lines[0]);
            for (int i = 1; i <= 2; i++) {
                assertTrue(lines[i].contains("does not allow (GraalPyOs.Option.NO_FORK)"), result);
            }
            assertEquals("0", lines[3]);
        }
    }

    @Test
    void withoutCreateProcessSpawnRaisesPermissionErrorNamingThePermission() {
        try (Python py = Python.withoutCreateProcess()) {
            String result = py.run("""
                            import os
                            try:
                                os.posix_spawn('/bin/true', ['true'], {})
                                result = 'spawned'
                            except PermissionError as e:
                                result = str(e)
                            """).asString();
            assertTrue(result.contains("allowCreateProcess"), result);
        }
    }

    @Test
    void withoutNativeAccessNothingNativeIsCalled() {
        Context context = Context.newBuilder("python", GraalPyOs.LANGUAGE_ID)
                        .allowCreateProcess(true)
                        .option("engine.WarnInterpreterOnly", "false")
                        .build();
        try (Python py = Python.of(context)) {
            String result = py.run("""
                            import os
                            try:
                                os.waitpid(-1, os.WNOHANG)
                                result = 'called'
                            except PermissionError as e:
                                result = str(e)
                            """).asString();
            assertTrue(result.contains("allowNativeAccess"), result);
            // listed among the lazy names, but without native access closefrom's presence is unknown
            assertEquals(false, py.eval("hasattr(os, 'POSIX_SPAWN_CLOSEFROM')").asBoolean());
        }
    }

    @Test
    void aContextWithoutOurLanguageFailsClosedWithAClearError() {
        try (Context context = Context.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GraalPyOs.install(context));
            assertTrue(e.getMessage().contains("does not permit the 'graalpy-os' language"), e.getMessage());
            assertEquals(false, context.eval("python", "import os; hasattr(os, 'posix_spawn')").asBoolean());
        }
    }
}
