"""The shim's half of the one encoding between Python and the builtins (org.graalpyos.edge.Codec,
whose comment has the rules): int, bool, None and str cross as themselves, bytes as latin-1 str,
lists and tuples as one str of NUL-terminated items, because every element Java reads from a
Python object, or Python reads from a Java one, takes the GIL once."""


def text(data):
    """bytes → the latin-1 str that the builtin turns back into the same bytes."""
    return data.decode("latin-1")


def data(result):
    """A bytes result (latin-1 str) → bytes."""
    return result.encode("latin-1")


def items(byte_strings):
    """[b"a", b""] → "a\\0\\0": every item NUL-terminated (none may hold NUL)."""
    if not byte_strings:  # [] (a generator is true)
        return ""
    return b"".join([item + b"\0" for item in byte_strings]).decode("latin-1")


def byte_items(result):
    """A list of bytes result, "a\\0\\0" → [b"a", b""] (the inverse of items)."""
    return [data(item) for item in result.split("\0")[:-1]]


def int_items(numbers):
    """[3, -4] → "3\\0-4\\0"."""
    return "".join([f"{number}\0" for number in numbers])


def ints(result):
    """A list or tuple of ints, "1\\0-2\\0" → (1, -2)."""
    return tuple(map(int, result.split("\0")[:-1]))


def fields(result, shape):
    """A tuple result by its declared items, each a letter: i an int, l a list of ints (its length,
    then its items), b the last item, bytes, which may hold NUL: fields(r, "ilb") → (1, (3, 4), b"x")."""
    values = []
    rest = result
    for kind in shape:
        if kind == "b":
            values.append(data(rest))
            break
        item, _, rest = rest.partition("\0")
        if kind == "l":
            count = int(item)
            parts = rest.split("\0", count)
            values.append(tuple(map(int, parts[:count])))
            rest = parts[count] if count < len(parts) else ""
        else:
            values.append(int(item))
    return tuple(values)
