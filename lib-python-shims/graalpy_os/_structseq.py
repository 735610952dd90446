"""A Python twin of CPython's structseq types (os.waitid_result, os.sched_param)."""

from operator import itemgetter


def structseq(name, module, fields, doc):
    """A tuple subclass with named fields, repr and pickling as CPython's structseq."""
    size = len(fields)

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) != size:
            raise TypeError(f"{module}.{name}() takes a {size}-sequence ({len(items)}-sequence given)")
        return tuple.__new__(cls, items)

    def __repr__(self):
        return f"{module}.{name}(" + ", ".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"

    def __reduce__(self):
        return (type(self), (tuple(self),))

    namespace = {
        "__new__": __new__,
        "__repr__": __repr__,
        "__reduce__": __reduce__,
        "__doc__": doc,
        "__slots__": (),
        "__match_args__": tuple(fields),
        "n_fields": size,
        "n_sequence_fields": size,
        "n_unnamed_fields": 0,
        "__module__": module,
    }
    for i, field in enumerate(fields):
        namespace[field] = property(itemgetter(i))
    return type(name, (tuple,), namespace)
