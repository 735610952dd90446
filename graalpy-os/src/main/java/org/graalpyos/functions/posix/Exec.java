package org.graalpyos.functions.posix;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/** os.execv and os.execve: graalpy_os/exec_.py is their body (it converts the path, argv and env in CPython's order). */
public final class Exec {
    private Exec() {
    }

    public static List<PythonFunction> all() {
        return List.of(
                        new PythonFunction("exec_", "posix.execv(path: object, argv: object, /) -> object", """
                                        Execute an executable path with arguments, replacing current process.

                                          path
                                            Path of executable file.
                                          argv
                                            Tuple or list of strings."""),
                        new PythonFunction("exec_", "posix.execve(path: object, argv: object, env: object) -> object", """
                                        Execute an executable path with arguments, replacing current process.

                                          path
                                            Path of executable file.
                                          argv
                                            Tuple or list of strings.
                                          env
                                            Dictionary of strings mapping to strings."""));
    }
}
