package org.graalpyos.builtins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.Functions;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;

/**
 * shim_source("graalpy_os/posix.py"): the text of a shim module packaged on our class path, or of
 * the wrappers generated from a module's declared functions ("graalpy_os/_declared/posix.py"), or
 * "" when there is none. The bootstrap's import finder serves the graalpy_os package from it, so
 * the shims work from a jar in any embedding without touching the file system.
 */
final class ShimSourceBuiltin extends Builtin {
    private static final String ROOT = "graalpy_os/";
    private static final String DECLARED = ROOT + "_declared/";

    ShimSourceBuiltin() {
        super("shim_source(path: str) -> str");
    }

    @Override
    @TruffleBoundary
    public Object call(OsContext context, Arguments args) {
        String path = args.text("path");
        if (!path.startsWith(ROOT) || path.contains("..")) {
            return "";
        }
        if (path.startsWith(DECLARED) && path.endsWith(".py")) {
            String source = Functions.source(path.substring(DECLARED.length(), path.length() - ".py".length()));
            if (source != null) {
                return source;
            }
        }
        try (InputStream in = ShimSourceBuiltin.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
