"""The shim's half of the Java builtins' wire format (org.graalpyos.language.Wire): only ints,
bools and str cross, because every element Java reads from a Python object, or Python reads from
a Java one, takes the GIL once."""

ABSENT = -2**63


def text(data):
    """bytes → a latin-1 str that the builtin turns back into the same bytes."""
    return data.decode("latin-1")


def items(byte_strings):
    """[b"a", b""] → "a\\0\\0": every item NUL-terminated (none may contain NUL)."""
    if not byte_strings:  # [] (a generator is true)
        return ""
    return b"".join([item + b"\0" for item in byte_strings]).decode("latin-1")


def ints(result):
    """"1 2 3" → (1, 2, 3)."""
    return tuple(int(value) for value in str(result).split())


def optional(value):
    return ABSENT if value is None else value
