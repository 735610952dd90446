# Evaluated by the host (GraalPyOs.install) before any user code: binds Python's exception
# types, makes the graalpy_os package importable from the jar that carries it, installs it.
def _graalpy_os_bootstrap(native, options):
    import builtins
    import sys
    from importlib.machinery import ModuleSpec

    native.bind(builtins, None)

    class ShimLoader:
        """Loads one graalpy_os module from the text the builtins serve from our jar."""

        def __init__(self, origin, source):
            self.origin = origin
            self.source = source

        def create_module(self, spec):
            return None

        def exec_module(self, module):
            exec(compile(self.source, self.origin, "exec"), module.__dict__)

        def get_source(self, fullname):
            return self.source

    class ShimFinder:
        """Finds graalpy_os and its submodules; nothing else."""

        @staticmethod
        def find_spec(fullname, path=None, target=None):
            if fullname != "graalpy_os" and not fullname.startswith("graalpy_os."):
                return None
            base = fullname.replace(".", "/")
            for relative, is_package in ((base + "/__init__.py", True), (base + ".py", False)):
                source = str(native.shim_source(relative))
                if source:
                    origin = "<graalpy-os>/" + relative
                    return ModuleSpec(fullname, ShimLoader(origin, source), origin=origin, is_package=is_package)
            return None

        @staticmethod
        def invalidate_caches():
            pass

    sys.meta_path.insert(0, ShimFinder)
    import graalpy_os
    graalpy_os.install(native, str(options))


_graalpy_os_bootstrap
