"""Runs fuzz cases in one interpreter: python3 fuzz/runner.py CASES.json RESULTS.jsonl [FIRST_ID]

Each case is a Python expression over `os` and the odd objects below. The outcome of each, one JSON
line per case, goes to RESULTS (never stdout: the cases may print): what it raised (type name and
str) or returned, and the warnings it issued. A child a case created is waited for and its exit
status recorded in place of its pid, and every child is reaped before the next case, so that the
wait cases run where there are no children and never block.
"""

import json
import os
import signal
import sys
import time
import types
import warnings


class NoKeys:
    """A mapping for PyMapping_Check, without keys()."""

    def __getitem__(self, key):
        return "x"


class Keys:
    """A mapping whose keys() and values() return what it was given."""

    def __init__(self, keys, values):
        self._keys, self._values = keys, values

    def __getitem__(self, key):
        return "x"

    def keys(self):
        return self._keys

    def values(self):
        return self._values


class DictKeys(dict):
    """A dict subclass whose keys() disagrees with its contents (PyMapping_Keys calls it)."""

    def __init__(self, items, keys):
        super().__init__(items)
        self._keys = keys

    def keys(self):
        return self._keys


class ListOf(list):
    pass


class TupleOf(tuple):
    pass


class RaisingKeys(NoKeys):
    def keys(self):
        raise RuntimeError("keys() failed")


class PathLike:
    def __init__(self, path):
        self._path = path

    def __fspath__(self):
        return self._path


class Index:
    """An int-like object through __index__ only."""

    def __init__(self, value):
        self._value = value

    def __index__(self):
        return self._value


class RaisingIndex:
    def __index__(self):
        raise RuntimeError("__index__ failed")


class Falsy:
    """An object whose truth test raises (resetids, setsid)."""

    def __bool__(self):
        raise RuntimeError("__bool__ failed")


class Noop:
    def __call__(self):
        return None


class RaisingIter:
    def __iter__(self):
        raise RuntimeError("__iter__ failed")


NAMESPACE = {name: value for name, value in globals().items() if isinstance(value, type)}
NAMESPACE.update(os=os, signal=signal, types=types)
REAP_SECONDS = 10


def reap_children():
    """Every child of this process, or an error text if one is still running after REAP_SECONDS."""
    deadline = time.monotonic() + REAP_SECONDS
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return None
        if pid == 0:
            if time.monotonic() > deadline:
                return "a child still runs after %d s" % REAP_SECONDS
            time.sleep(0.002)


def child_status(pid):
    """The wait status of the case's child `pid`: the fuzzed program exits at once."""
    deadline = time.monotonic() + REAP_SECONDS
    while True:
        try:
            waited, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return "not a child"
        if waited == pid:
            return status
        if time.monotonic() > deadline:
            return "still running"
        time.sleep(0.002)


def outcome(case):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = eval(case["expr"], dict(NAMESPACE))
        except BaseException as error:  # the point: every exception is an outcome
            result = {"raised": type(error).__name__, "message": str(error)}
        else:
            if case["returns"] == "pid" and type(value) is int and value > 0:
                result = {"returned": "child", "status": child_status(value)}
            else:
                result = {"returned": repr(value)}
    result["warnings"] = [[w.category.__name__, str(w.message)] for w in caught]
    return result


def main():
    cases_path, results_path = sys.argv[1], sys.argv[2]
    first_id = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with open(cases_path) as f:
        cases = json.load(f)
    leftover = reap_children()
    with open(results_path, "a") as results:
        for case in cases:
            if case["id"] < first_id:
                continue
            # Written first: a case that kills the interpreter is the last "started" line.
            results.write(json.dumps({"id": case["id"], "started": True}) + "\n")
            results.flush()
            if case["family"] == "wait" and leftover is not None:
                result = {"skipped": "children exist: a wait could block"}
            else:
                result = outcome(case)
            leftover = reap_children()
            if leftover:
                result["reap"] = leftover
            result["id"] = case["id"]
            results.write(json.dumps(result) + "\n")
            results.flush()


if __name__ == "__main__":
    main()
