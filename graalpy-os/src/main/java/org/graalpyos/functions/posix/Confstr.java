package org.graalpyos.functions.posix;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/** os.confstr: graalpy_os/confstr.py is its body (it maps a name of confstr_names to its number). */
public final class Confstr {
    private Confstr() {
    }

    public static List<PythonFunction> all() {
        return List.of(new PythonFunction("confstr", "posix.confstr(name: object, /) -> object", "Return a string-valued system configuration variable."));
    }
}
