"""mmap.error: CPython's alias of OSError (its constants GraalPy lacks are declared in Java,
org.graalpyos.functions.mmap.MmapConstants)."""


def patch(module):
    module.error = OSError
