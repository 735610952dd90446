package org.graalpyos.functions.resource;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/**
 * resource.getrlimit and setrlimit: graalpy_os/resource_.py is their body. CPython's have no
 * docstring (""). resource.prlimit parses its arguments with PyArg_ParseTuple in CPython, not the
 * clinic: it has no declaration.
 */
public final class Limits {
    private Limits() {
    }

    public static List<PythonFunction> all() {
        return List.of(
                        new PythonFunction("resource_", "resource.getrlimit(resource: int, /) -> object", ""),
                        new PythonFunction("resource_", "resource.setrlimit(resource: int, limits: object, /) -> object", ""));
    }
}
