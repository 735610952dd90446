"""The wrappers of the functions declared in Java, generated from their declarations
(org.graalpyos.edge.PythonWrappers) and served by the shims' finder: graalpy_os._declared.posix
holds the posix functions whose body is a Java builtin; a shim whose functions are declared wraps
them with wrap()."""


def wrap(namespace, shim):
    """Replaces the shim's functions declared in Java by their wrappers, which parse and convert
    the arguments as CPython's clinic does, then call the shim's function with them."""
    from graalpy_os import _native

    path = "graalpy_os/_declared/%s.py" % shim
    wrappers = {"_impl": dict(namespace)}
    exec(compile(str(_native.builtins.shim_source(path)), "<graalpy-os>/" + path, "exec"), wrappers)
    for name in wrappers["EXPORTS"]:
        namespace[name] = wrappers[name]
