"""The builtins object of our Truffle language, set once by install()."""

builtins = None


def set(native):
    global builtins
    builtins = native
