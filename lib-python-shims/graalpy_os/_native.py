"""The builtins object of our Truffle language, set once by install()."""

builtins = None


class _CachedBuiltins:
    """Keeps each builtin read from the foreign object: every read is one more GIL hand-off."""

    def __init__(self, native):
        self._native = native

    def __getattr__(self, name):
        value = getattr(self._native, name)
        setattr(self, name, value)
        return value


def set(native):
    global builtins
    builtins = _CachedBuiltins(native)


def builtin(name):
    """A builtin by its declared name ("posix.setuid"), for the generated wrappers."""
    return getattr(builtins, name)
