"""In-process half of the conformance harness: run ONE CPython test module under bin/graalpy-os.

Executed by the launcher (not by the host CPython):

    bin/graalpy-os tests/conformance/runner.py MODULE RESULTS_FILE [SKIPS_FILE [SELECTOR ...]]

It loads MODULE the way ``python -m unittest MODULE`` does (honouring the module's load_tests
protocol). If SELECTORs are given (they come from the module's line in modules.txt), only the
tests they select are kept; the others are dropped silently (not reported at all). A SELECTOR is a
test id relative to MODULE (``ThreadTests``, ``ThreadTests.test_is_alive_after_fork``), selecting
that test or everything below it, or an fnmatch pattern (``*``, ``?``, ``[``) matched against the
relative id (``*.test_at_fork_reinit``). A test defined in another module (e.g. test.fork_wait's
ForkWait collected by test.test_fork1) is matched by its full id. Then the test ids listed in
SKIPS_FILE are removed from the suite before anything runs (they are reported as ``skip`` with
reason ``excluded: <reason>``), and the rest runs with unittest's TextTestRunner at verbosity 2, so
stderr reads like ``-m unittest -v``.

RESULTS_FILE receives JSON lines, flushed one at a time so that the host side (run.py) can tell
after a crash or a timeout which tests finished and which one was running:

    {"event": "collected", "ids": [...], "total": N}  every selected test id of the module, before
                                                      running; N counts the tests before selection
    {"event": "start", "id": ID}
    {"event": "stop", "id": ID}
    {"event": "result", "id": ID, "outcome": O, "reason": R, "seconds": S}
    {"event": "fixture", "prefix": P, "outcome": O, "reason": R}   setUpClass/setUpModule failed
                                                                   or skipped: applies to the
                                                                   unreported tests under P
    {"event": "done", "elapsed": seconds}

Test ids are unittest's, except for a test the module collects from another module (test_fork1,
test_wait3 and test_wait4 all collect test.fork_wait.ForkWait.test_wait): its id is prefixed with
the module and a colon, 'test.test_fork1:test.fork_wait.ForkWait.test_wait', so that it belongs
to the module that ran it (in expected.txt too).

O is one of pass, fail, error, skip, expected-failure, unexpected-success. A test with subtests
gets one result per subtest event; run.py keeps the worst. A child forked by a test that returns
into unittest (instead of exec'ing or calling os._exit) is stopped with os._exit when it reports
its result; a failure there is recorded as an error of that test ("in a forked child ...").

Only the standard library of the running Python is used; CPython's test files stay unmodified.

One adaptation of CPython's test.support (see adapt_test_support): threading_cleanup() retries
at most CLEANUP_TRIES times instead of 100 (CONFORMANCE_CLEANUP_TRIES overrides it; 100 restores
CPython's behaviour).
"""

import fnmatch
import json
import os
import sys
import time
import traceback
import unittest

# sys.path[0] is this directory (script mode); CPython's tests must not see our files as modules.
_here = os.path.dirname(os.path.abspath(__file__))
if sys.path and sys.path[0] and os.path.abspath(sys.path[0]) == _here:
    del sys.path[0]

MAX_REASON = 300
MAIN_PID = os.getpid()
CLEANUP_TRIES = int(os.environ.get("CONFORMANCE_CLEANUP_TRIES", "5"))


def adapt_test_support():
    """test.support.threading_helper.threading_cleanup(), which test_threading, lock_tests and
    fork_wait call after every test (and reap_threads around some), waits until the thread count
    and the weak set threading._dangling are back to their values before the test: up to 100
    times, each after a support.gc_collect(). Under unittest it only prints 'Warning --
    threading_cleanup() failed to cleanup ...' and sets support.environment_altered; it never
    changes an outcome. On GraalPy a gc_collect() costs about 1.5 s (three full JVM collections),
    and stopped Thread objects often stay in threading._dangling (also without any fork), so each
    such test took 100-150 s longer (test.test_fork1 ForkTest.test_wait: 130 s). Here it is the
    same function with at most CLEANUP_TRIES tries; it prints the same warnings."""
    if CLEANUP_TRIES >= 100:
        return
    try:
        import _thread
        import threading
        from test import support
        from test.support import threading_helper
    except ImportError:
        return

    def threading_cleanup(*original_values):
        for count in range(CLEANUP_TRIES):
            values = _thread._count(), threading._dangling
            if values == original_values:
                break
            if not count:
                support.environment_altered = True
                dangling_threads = values[1]
                support.print_warning(f"threading_cleanup() failed to cleanup "
                                      f"{values[0] - original_values[0]} threads "
                                      f"(count: {values[0]}, "
                                      f"dangling: {len(dangling_threads)})")
                for thread in dangling_threads:
                    support.print_warning(f"Dangling thread: {thread!r}")
                dangling_threads = None
            values = None
            time.sleep(0.01)
            support.gc_collect()

    threading_cleanup.__doc__ = threading_helper.threading_cleanup.__doc__
    threading_helper.threading_cleanup = threading_cleanup


def selector_matches(test_id, module, selectors):
    """See the module docstring: exact id, a prefix of the id, or an fnmatch pattern; relative to
    module when the id is below it, else the full id."""
    rel = test_id[len(module) + 1:] if test_id.startswith(module + ".") else test_id
    for sel in selectors:
        if any(c in sel for c in "*?["):
            if fnmatch.fnmatchcase(rel, sel):
                return True
        elif rel == sel or rel.startswith(sel + "."):
            return True
    return False


def one_line(text):
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_REASON else text[:MAX_REASON - 3] + "..."


def exc_line(err):
    """One line for the exception: 'TypeError: ...' (the first line of a multi-line message;
    for test.support.script_helper's failures also the last line the child wrote to stderr)."""
    exctype, value, _tb = err
    try:
        lines = traceback.format_exception_only(exctype, value)
        text = lines[-1].strip() if lines else exctype.__name__
    except Exception:  # a broken __str__ must not kill the run
        return one_line(getattr(exctype, "__name__", repr(exctype)))
    first = text.split("\n", 1)[0]
    _, found, stderr = text.partition("\nstderr:\n---\n")
    if found:
        tail = [l for l in stderr.rsplit("\n---", 1)[0].split("\n") if l.strip()]
        if tail:
            first += " | child stderr: " + tail[-1].strip()
    return one_line(first)


def read_skips(path):
    """skips.txt: '<test id or prefix>  # reason' per line; '#' lines are comments."""
    skips = {}
    if not path or not os.path.exists(path):
        return skips
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            test_id, _, reason = line.partition("#")
            skips[test_id.strip()] = reason.strip() or "listed in skips.txt"
    return skips


def report_id(test_id, module):
    """test_id, or 'MODULE:test_id' for a test defined outside MODULE (see the docstring)."""
    if test_id == module or test_id.startswith(module + "."):
        return test_id
    return module + ":" + test_id


def excluded_reason(test_id, skips):
    """A skips.txt entry matches its exact id and every id below it (a class or a module)."""
    parts = test_id.split(".")
    for i in range(len(parts), 0, -1):
        reason = skips.get(".".join(parts[:i]))
        if reason is not None:
            return reason
    return None


def iter_tests(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from iter_tests(test)
        else:
            yield test


def filter_suite(suite, drop):
    """A copy of suite (same nesting, so class/module fixtures behave as usual) without the tests
    for which drop(test) is true."""
    kept = []
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            sub = filter_suite(test, drop)
            if sub.countTestCases():
                kept.append(sub)
        elif not drop(test):
            kept.append(test)
    new = type(suite).__new__(type(suite))
    new.__dict__.update(suite.__dict__)
    new._tests = []
    new.addTests(kept)
    return new


class Emitter:
    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8")

    def emit(self, **event):
        self.f.write(json.dumps(event) + "\n")
        self.f.flush()


def _holder_target(test):
    """For unittest's _ErrorHolder ('setUpClass (test.test_os.Foo)'): (method, qualified name)."""
    desc = test.id()
    if desc.endswith(")") and " (" in desc:
        method, _, name = desc[:-1].partition(" (")
        return method, name
    return desc, None


def make_result_class(emitter, module):
    class JsonResult(unittest.TextTestResult):
        def _id(self, test):
            # subtests report against their parent test
            parent = getattr(test, "test_case", None)
            return report_id(parent.id() if parent is not None else test.id(), module)

        def _sub_prefix(self, test):
            if getattr(test, "test_case", None) is not None:
                return "subtest %s: " % test._subDescription()
            return ""

        def _record(self, test, outcome, reason):
            if os.getpid() != MAIN_PID:
                # A child forked by the test came back into unittest instead of exec'ing or
                # calling os._exit (e.g. its execve raised). Keep its failure and stop it:
                # it must not run the rest of the module alongside the parent.
                if outcome in ("fail", "error"):
                    emitter.emit(event="result", id=self._id(test), outcome="error",
                                 reason=one_line("in a forked child (pid %d) that returned into unittest: %s"
                                                 % (os.getpid(), reason)))
                try:
                    sys.stderr.flush()
                finally:
                    os._exit(0 if outcome in ("pass", "skip", "expected-failure") else 1)
            if isinstance(test, unittest.TestCase) or hasattr(test, "test_case"):
                emitter.emit(event="result", id=self._id(test), outcome=outcome,
                             reason=one_line(self._sub_prefix(test) + reason) if reason else "",
                             seconds=round(time.monotonic() - self._started, 2))
                return
            # _ErrorHolder: a class or module fixture
            method, name = _holder_target(test)
            if name and method in ("setUpClass", "setUpModule"):
                emitter.emit(event="fixture", prefix=report_id(name, module), outcome=outcome,
                             reason=one_line("%s: %s" % (method, reason)))
            else:
                pseudo = "%s.%s" % (name, method) if name else method
                emitter.emit(event="result", id=report_id(pseudo, module), outcome=outcome,
                             reason=one_line(reason))

        _started = time.monotonic()

        def startTest(self, test):
            self._started = time.monotonic()
            emitter.emit(event="start", id=report_id(test.id(), module))
            super().startTest(test)

        def stopTest(self, test):
            super().stopTest(test)
            emitter.emit(event="stop", id=report_id(test.id(), module))

        def addSuccess(self, test):
            super().addSuccess(test)
            self._record(test, "pass", "")

        def addFailure(self, test, err):
            super().addFailure(test, err)
            self._record(test, "fail", exc_line(err))

        def addError(self, test, err):
            super().addError(test, err)
            self._record(test, "error", exc_line(err))

        def addSkip(self, test, reason):
            super().addSkip(test, reason)
            self._record(test, "skip", str(reason))

        def addExpectedFailure(self, test, err):
            super().addExpectedFailure(test, err)
            self._record(test, "expected-failure", exc_line(err))

        def addUnexpectedSuccess(self, test):
            super().addUnexpectedSuccess(test)
            self._record(test, "unexpected-success", "unexpected success")

        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is None:
                return
            if issubclass(err[0], test.failureException):
                self._record(subtest, "fail", exc_line(err))
            else:
                self._record(subtest, "error", exc_line(err))

    return JsonResult


def main(argv):
    if len(argv) < 3:
        print("usage: runner.py MODULE RESULTS_FILE [SKIPS_FILE [SELECTOR ...]]", file=sys.stderr)
        return 2
    module, results_path = argv[1], argv[2]
    skips = read_skips(argv[3] if len(argv) > 3 else None)
    selectors = argv[4:]
    emitter = Emitter(results_path)
    started = time.monotonic()
    adapt_test_support()

    suite = unittest.defaultTestLoader.loadTestsFromName(module)
    total = suite.countTestCases()
    if selectors:
        # an import error (unittest's _FailedTest, id unittest.loader._FailedTest.MODULE) is kept
        suite = filter_suite(suite, lambda t: not (
            selector_matches(t.id(), module, selectors)
            or t.id().startswith("unittest.loader._FailedTest.")))
    all_ids = [report_id(t.id(), module) for t in iter_tests(suite)]
    emitter.emit(event="collected", ids=all_ids, total=total)
    # unittest turns an import error into a _FailedTest; it runs (and errors) like any test.
    excluded = []

    def drop_excluded(test):
        test_id = report_id(test.id(), module)
        reason = excluded_reason(test_id, skips)
        if reason is not None:
            excluded.append((test_id, reason))
        return reason is not None

    suite = filter_suite(suite, drop_excluded)
    for test_id, reason in excluded:
        emitter.emit(event="result", id=test_id, outcome="skip", reason=one_line("excluded: " + reason))

    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2,
                                     resultclass=make_result_class(emitter, module),
                                     warnings=None if sys.warnoptions else "default")
    result = runner.run(suite)
    emitter.emit(event="done", elapsed=round(time.monotonic() - started, 1),
                 tests_run=result.testsRun)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
