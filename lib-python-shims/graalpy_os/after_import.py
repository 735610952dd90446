"""Run a function on a module right after its first import, without importing it ourselves.

Patching a stdlib module at start-up would import it (and its dependencies) into every program;
this meta-path finder lets the real finders locate the module and only wraps the loader, so the
patch runs when (and if) the program imports it.
"""

import sys

_pending = {}  # module name -> [patch(module), ...]
_pending_before = {}  # module name -> [patch(), ...]


def register(name, patch):
    """Call patch(module) once module `name` has executed; at once if it already has."""
    module = sys.modules.get(name)
    if module is not None:
        patch(module)
        return
    _pending.setdefault(name, []).append(patch)
    if _Finder not in sys.meta_path:
        sys.meta_path.insert(0, _Finder)


def register_before(name, patch):
    """Call patch() once, right before module `name` first executes (at once if it already has):
    for names a module reads from another while it runs (signal.py's "from _signal import *")."""
    if name in sys.modules:
        patch()
        return
    _pending_before.setdefault(name, []).append(patch)
    if _Finder not in sys.meta_path:
        sys.meta_path.insert(0, _Finder)


class _PatchingLoader:
    """Delegates to the real loader, between the patches before and after."""

    def __init__(self, loader, before, patches):
        self._loader = loader
        self._before = before
        self._patches = patches

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        for patch in self._before:
            patch()
        self._loader.exec_module(module)
        for patch in self._patches:
            patch(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _Finder:
    @staticmethod
    def find_spec(fullname, path=None, target=None):
        patches = _pending.pop(fullname, None)
        before = _pending_before.pop(fullname, None)
        if patches is None and before is None:
            return None
        for finder in sys.meta_path:
            if finder is _Finder or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, before or [], patches or [])
                return spec
        return None

    @staticmethod
    def invalidate_caches():
        pass
