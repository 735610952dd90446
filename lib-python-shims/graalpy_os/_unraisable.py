"""PyErr_WriteUnraisable for the shim's callbacks (at-fork hooks, atexit callbacks)."""

import sys


def write_unraisable(error, obj, message=None):
    """Passes error to sys.unraisablehook; message replaces "Exception ignored in" (CPython's
    _PyErr_WriteUnraisableMsg prefixes it with "Exception ignored ")."""
    traceback = error.__traceback__
    # the shim's own frame that called the callback is not part of the story (CPython's caller is C)
    while traceback is not None and traceback.tb_frame.f_code.co_filename.startswith("<graalpy-os>"):
        traceback = traceback.tb_next
    try:
        sys.unraisablehook(sys.UnraisableHookArgs((type(error), error, traceback, message, obj)))
    except BaseException:
        pass
