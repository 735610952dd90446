package org.graalpyos.functions;

/**
 * A function Python sees in a CPython module whose body is Python: {@code shim}'s function of the
 * same name (graalpy_os/SHIM.py), which its generated wrapper calls with the converted arguments.
 * Its declaration and CPython's docstring live here, beside the functions whose body is Java.
 */
public record PythonFunction(String shim, String declaration, String doc) {
}
