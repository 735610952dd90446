#!/usr/bin/env python3
"""CPython conformance harness for graalpy-os (host side; run by the host's python3, stdlib only).

Runs CPython's own, unmodified test modules (Debian's libpython3.11-testsuite) under
bin/graalpy-os, one launcher process per module, each under a timeout; writes
tests/conformance/report.md and compares the outcome of every test with
tests/conformance/expected.txt.

    bin/conformance                     all modules of modules.txt
    bin/conformance --module test.test_posix
    bin/conformance --update            accept the current results into expected.txt
    bin/conformance --timeout 900 --jobs 1
    bin/conformance --all-multiprocessing   the whole multiprocessing/concurrent.futures set

Files (all in tests/conformance/):
    modules.txt   test modules to run, one per line ('#' comments): 'MODULE [SELECTOR ...]'; with
                  selectors only the tests they select run (see runner.py and README.md)
    skips.txt     test ids (or class/module prefixes) that must NOT be run, '<id>  # reason';
                  they are reported as skip with reason 'excluded: <reason>'
    expected.txt  '<outcome> <test id>  # reason' per test; outcomes: pass fail error skip
                  expected-failure unexpected-success
    runner.py     executed by bin/graalpy-os for one module; writes JSON lines (see its docstring)
    report.md     generated (git-ignored)
    work/durations.json  generated: seconds per module line in the last run that ran it (for the
                  progress lines' estimate of what is left)
    work/         generated (git-ignored): pythonpath/test -> the 3.11 test package, per-module
                  cwd/TMPDIR, launcher logs (work/logs/<module>.log), JSON results

Exit status: 0 when no test expected 'pass' fails, errors, is skipped (other than by skips.txt)
or is missing; 1 otherwise. The last line is 'conformance: N passed, N failed, N skipped' where
'failed' counts those regressions.
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAUNCHER = os.path.join(ROOT, "bin", "graalpy-os")
RUNNER = os.path.join(HERE, "runner.py")
WORK = os.path.join(HERE, "work")
MODULES_FILE = os.path.join(HERE, "modules.txt")
SKIPS_FILE = os.path.join(HERE, "skips.txt")
EXPECTED_FILE = os.path.join(HERE, "expected.txt")
REPORT_FILE = os.path.join(HERE, "report.md")
DURATIONS_FILE = os.path.join(WORK, "durations.json")
sys.path.insert(0, os.path.join(ROOT, "tools"))
from progress import Progress  # noqa: E402

OUTCOMES = ("pass", "fail", "error", "skip", "expected-failure", "unexpected-success")
# when one test reports several results (subtests), the first of this list wins
SEVERITY = ("error", "fail", "unexpected-success", "pass", "expected-failure", "skip")
CRASHED = "module crashed/timed out"
NOT_BUILT_RETRIES = 10
MAX_INFO_LINES = 20
SLOWEST = 10
MAX_BACKTRACED = 4
MAX_OUTPUT_LINES = 15
DEFAULT_TIMEOUT = 900
HEARTBEAT_S = 60  # a module still running says so this often (tests done from its JSON lines)
# --all-multiprocessing: modules.txt runs a subset of these (CI's time); this runs them whole, each
# under a longer timeout (every spawn/forkserver process is a JVM start-up: README.md has estimates)
ALL_MULTIPROCESSING = ("test.test_multiprocessing_fork", "test.test_multiprocessing_forkserver",
                       "test.test_multiprocessing_spawn", "test.test_concurrent_futures")
ALL_MULTIPROCESSING_TIMEOUT = 4 * 3600

_print_lock = threading.Lock()


def say(*args):
    with _print_lock:
        print(*args, flush=True)


# ---------------------------------------------------------------------------------------------
# configuration files

def read_lines(path):
    """Non-empty, non-comment lines of path, with any trailing '# comment' split off."""
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            body, _, comment = line.partition("#")
            out.append((body.strip(), comment.strip()))
    return out


def read_module_lines():
    """[(module, [selector, ...])] from modules.txt: 'MODULE [SELECTOR ...]' per line."""
    out = []
    for body, _ in read_lines(MODULES_FILE):
        parts = body.split()
        out.append((parts[0], parts[1:]))
    return out


def read_modules():
    return [m for m, _ in read_module_lines()]


def read_skips():
    return {body: comment for body, comment in read_lines(SKIPS_FILE)}


def read_expected():
    """{test id: (outcome, reason)}"""
    expected = {}
    for lineno, (body, reason) in enumerate(read_lines(EXPECTED_FILE), 1):
        parts = body.split()
        if len(parts) != 2 or parts[0] not in OUTCOMES:
            raise SystemExit("%s: malformed entry %r" % (EXPECTED_FILE, body))
        expected[parts[1]] = (parts[0], reason)
    return expected


def in_module(test_id, module):
    """test_id is module, below it, or (runner.py's 'MODULE:ID') collected by it from elsewhere."""
    return test_id == module or test_id.startswith(module + ".") or test_id.startswith(module + ":")


def module_of(test_id, modules):
    best = None
    for m in modules:
        if in_module(test_id, m) and (best is None or len(m) > len(best)):
            best = m
    return best


# ---------------------------------------------------------------------------------------------
# the CPython 3.11 test package

def find_test_package():
    """Directory of Debian's libpython3.11-testsuite 'test' package."""
    override = os.environ.get("CONFORMANCE_TESTDIR")
    if override:
        return override
    try:
        listing = subprocess.run(["dpkg", "-L", "libpython3.11-testsuite"], capture_output=True,
                                 text=True, check=True).stdout.split("\n")
        for path in listing:
            if path.endswith("/test/support/__init__.py") and "python3" in path:
                candidate = os.path.dirname(os.path.dirname(path))
                if os.path.isfile(os.path.join(candidate, "__init__.py")):
                    return candidate
    except (OSError, subprocess.CalledProcessError):
        pass
    return "/usr/lib/python3.11/test"


def prepare_pythonpath():
    """work/pythonpath/test -> the 3.11 test package; work/pythonpath goes first on PYTHONPATH so
    that 'import test.test_posix' and 'import test.support' resolve to it (a regular package,
    which wins over the namespace package 'test' GraalPy's own 3.12 stdlib has)."""
    testdir = find_test_package()
    if not os.path.isfile(os.path.join(testdir, "support", "__init__.py")):
        raise SystemExit("conformance: CPython test package not found at %s "
                         "(apt-get install libpython3.11-testsuite)" % testdir)
    path_dir = os.path.join(WORK, "pythonpath")
    os.makedirs(path_dir, exist_ok=True)
    link = os.path.join(path_dir, "test")
    if os.path.islink(link) and os.readlink(link) != testdir:
        os.unlink(link)
    if not os.path.lexists(link):
        os.symlink(testdir, link)
    return path_dir, testdir


# ---------------------------------------------------------------------------------------------
# running one module

class ModuleRun:
    def __init__(self, module, selectors=()):
        self.module = module
        self.selectors = list(selectors)
        self.total = None        # tests in the module before selection
        self.results = {}        # id -> (outcome, reason), in report order
        self.status = "ok"       # ok | crashed | timed out | not run
        self.returncode = None
        self.elapsed = 0.0
        self.log = os.path.join(WORK, "logs", module + ".log")
        self.detail = ""
        self.seconds = {}        # id -> seconds the test took

    def counts(self):
        c = {o: 0 for o in OUTCOMES}
        for outcome, _ in self.results.values():
            c[outcome] += 1
        return c


def build_fingerprint():
    """Sizes and mtimes of the launcher's jars: they change when someone runs bin/build, and a
    JVM whose jars are replaced under it fails with NoClassDefFoundError."""
    target = os.path.join(ROOT, "graalpy-os", "target")
    paths = [os.path.join(target, "graalpy-os.jar")]
    lib = os.path.join(target, "lib")
    if os.path.isdir(lib):
        paths += sorted(os.path.join(lib, n) for n in os.listdir(lib))
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((p, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((p, None, None))
    return out


def _kill_group(proc):
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _record_where_stuck(session, log):
    """Appends to the log what the processes of a timed-out run were doing (ps, and gdb's
    backtraces where gdb is installed); returns the part a hang is diagnosed from: the
    processes and each one's main thread (a forked child has only that one)."""
    ps = subprocess.run(["ps", "-o", "pid,ppid,stat,wchan:24,etime,args", "-s", str(session)],
                        capture_output=True, text=True).stdout
    log.write(("\n== timed out; processes of the run:\n" + ps).encode())
    shown = ["processes of the run:"] + [line[:160] for line in ps.splitlines()]
    pids = [line.split()[0] for line in ps.splitlines()[1:] if line.split()]
    for pid in pids[:MAX_BACKTRACED] if shutil.which("gdb") else ():
        try:
            trace = subprocess.run(["gdb", "-p", pid, "-batch", "-nx", "-ex", "set pagination off",
                                    "-ex", "thread apply all bt 25"], stdin=subprocess.DEVNULL,
                                   capture_output=True, text=True, errors="replace", timeout=120).stdout
        except subprocess.TimeoutExpired:
            trace = "(gdb did not finish in 120 s)\n"
        log.write(("== gdb backtraces of %s\n%s" % (pid, trace)).encode())
        threads = trace.split("\nThread ")
        # the Java main thread (the launcher's own thread only waits in JLI_Launch for it)
        main = [t for t in threads[1:] if t.split("\n", 1)[0].endswith(('"java"):', '"main"):'))
                and "JLI_Launch" not in t]
        shown += ["pid %s, %d thread(s); its main thread:" % (pid, len(threads) - 1)]
        shown += [line[:160] for line in (main[:1] or ["(not found)"])[0].splitlines()[:25]]
    log.flush()
    return shown


def _launch(module, selectors, pythonpath, timeout, results_path, log_path):
    """Runs the launcher; returns (returncode or None on timeout, elapsed)."""
    cwd = os.path.join(WORK, "tmp", module)
    shutil.rmtree(cwd, ignore_errors=True)
    os.makedirs(cwd)
    # TMPDIR is short, not below cwd: multiprocessing binds AF_UNIX sockets (forkserver's listener,
    # Manager and Listener addresses) at TMPDIR/pymp-XXXXXXXX/listener-XXXXXXXX, and sun_path holds
    # 107 bytes (below work/tmp/test.test_multiprocessing_forkserver/ bind() failed: path too long)
    tmpdir = tempfile.mkdtemp(prefix="conformance-")
    try:
        return _launch_in(module, selectors, pythonpath, timeout, results_path, log_path, cwd, tmpdir)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def _launch_in(module, selectors, pythonpath, timeout, results_path, log_path, cwd, tmpdir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = pythonpath
    env["TMPDIR"] = tmpdir
    cmd = [LAUNCHER, RUNNER, module, results_path, SKIPS_FILE] + list(selectors)
    started = time.monotonic()
    with open(log_path, "wb") as log:
        log.write(("$ cd %s && PYTHONPATH=%s TMPDIR=%s %s\n"
                   % (cwd, pythonpath, tmpdir, " ".join(cmd))).encode())
        log.flush()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        rc = _wait_with_heartbeat(proc, module, started, timeout, results_path)
        if rc is None:
            log.flush()
            output = _tail(log_path, MAX_OUTPUT_LINES, None, "\n").splitlines()
            say("\n".join("    | " + line for line in output + _record_where_stuck(proc.pid, log)))
            _kill_group(proc)
        else:
            # tests may leave children behind in the session; don't let them linger
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    return rc, time.monotonic() - started


def _wait_with_heartbeat(proc, module, started, timeout, results_path):
    """proc's exit status, or None after timeout s; says every HEARTBEAT_S that the module still runs."""
    deadline = started + timeout
    while True:
        try:
            return proc.wait(max(min(HEARTBEAT_S, deadline - time.monotonic()), 0))
        except subprocess.TimeoutExpired:
            now = time.monotonic()
            if now >= deadline:
                return None
            events = _read_events(results_path)
            collected = next((len(ev["ids"]) for ev in events if ev.get("event") == "collected"), None)
            stopped = sum(1 for ev in events if ev.get("event") == "stop")
            say("[still running] %s: %d min, %d%s tests done"
                % (module, (now - started) // 60, stopped,
                   "" if collected is None else " of %d" % collected))


def _read_events(path):
    events = []
    if not os.path.exists(path):
        return events
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                events.append(json.loads(line))
            except ValueError:
                break  # a line cut short by a crash
    return events


def _worse(a, b):
    return a if SEVERITY.index(a[0]) <= SEVERITY.index(b[0]) else b


def _tail(path, n=1, limit=300, separator=" | "):
    try:
        with open(path, "rb") as f:
            lines = [l for l in f.read().decode("utf-8", "replace").splitlines() if l.strip()]
        return separator.join(lines[-n:])[-limit if limit else 0:]
    except OSError:
        return ""


def step_name(module, selectors):
    """A module's line: its key in the durations file (a selection takes its own time)."""
    return " ".join([module] + list(selectors))


def run_module(module, selectors, pythonpath, timeout, progress):
    run = ModuleRun(module, selectors)
    progress.start(step_name(module, selectors))
    os.makedirs(os.path.join(WORK, "logs"), exist_ok=True)
    results_path = os.path.join(WORK, "logs", module + ".jsonl")
    say("[start] %s%s (timeout %g s)" % (module, " (%d selectors)" % len(selectors) if selectors else "",
                                          timeout))
    for attempt in range(NOT_BUILT_RETRIES + 1):
        if os.path.exists(results_path):
            os.unlink(results_path)
        before = build_fingerprint()
        rc, elapsed = _launch(module, selectors, pythonpath, timeout, results_path, run.log)
        events = _read_events(results_path)
        if attempt < NOT_BUILT_RETRIES:
            if rc == 1 and not events and "not built yet" in _tail(run.log, 3):
                say("[wait] %s: bin/graalpy-os is not built (being rebuilt?); retrying in 30 s" % module)
                time.sleep(30)
                continue
            if build_fingerprint() != before:
                say("[wait] %s: bin/graalpy-os was rebuilt during the run; retrying in 30 s" % module)
                time.sleep(30)
                continue
        break
    run.returncode, run.elapsed = rc, elapsed

    collected, reported, fixtures = None, {}, []
    running, done = None, False
    for ev in events:
        kind = ev.get("event")
        if kind == "collected":
            collected = ev["ids"]
            run.total = ev.get("total")
        elif kind == "start":
            running = ev["id"]
        elif kind == "result":
            new = (ev["outcome"], ev.get("reason", ""))
            if "seconds" in ev:
                run.seconds[ev["id"]] = max(run.seconds.get(ev["id"], 0), ev["seconds"])
            reported[ev["id"]] = _worse(reported[ev["id"]], new) if ev["id"] in reported else new
        elif kind == "stop":
            running = None
        elif kind == "fixture":
            fixtures.append((ev["prefix"], ev["outcome"], ev.get("reason", "")))
        elif kind == "done":
            done = True
    if rc is None:
        run.status = "timed out"
        run.detail = "timed out after %g s (the log ends with where each process was: %s)" % (
            timeout, os.path.relpath(run.log, ROOT))
    elif not done:
        run.status = "crashed"
        run.detail = "exit status %s before the end of the run; log: %s" % (rc, _tail(run.log))
    if done:
        running = None
    if running is not None:
        run.detail += "; was running %s" % running
        # it may have reported subtests before it hung or crashed
        crash = ("error", "%s (while running this test: %s)" % (CRASHED, run.detail.split(";")[0]))
        reported[running] = _worse(reported[running], crash) if running in reported else crash

    for test_id in collected or []:
        if test_id in reported:
            run.results[test_id] = reported[test_id]
            continue
        fixture = next(((o, r) for p, o, r in fixtures if in_module(test_id, p)), None)
        if fixture is not None:
            run.results[test_id] = fixture
        elif not done:
            run.results[test_id] = ("error", CRASHED)
        else:
            run.results[test_id] = ("error", "not reported by unittest")
    for test_id, result in reported.items():  # e.g. tearDownClass errors
        run.results.setdefault(test_id, result)
    if collected is None:
        run.results[module] = ("error", "%s before collecting tests (%s)" % (CRASHED, run.detail))

    c = run.counts()
    tag = progress.done(step_name(module, selectors))
    times = progress.times()
    progress.save()
    say("[done]  %s %s: %s%d pass, %d fail, %d error, %d skip%s in %.1f s%s; %s"
        % (tag, module, _selected(run) + ": " if selectors else "", c["pass"], c["fail"], c["error"], c["skip"],
           "".join(", %d %s" % (c[o], o) for o in ("expected-failure", "unexpected-success") if c[o]),
           run.elapsed, "" if run.status == "ok" else " -- %s: %s" % (run.status.upper(), run.detail), times))
    return run


def _selected(run):
    return "%d of %s tests selected" % (len(run.results), run.total if run.total is not None else "?")


# ---------------------------------------------------------------------------------------------
# comparison, report, expected.txt

def compare(runs, expected, modules):
    actual = {}
    for run in runs:
        actual.update(run.results)
    regressions, newly_passing, changes = [], [], []
    for test_id, (exp, _reason) in expected.items():
        if module_of(test_id, modules) is None:
            continue
        got = actual.get(test_id)
        if exp == "pass":
            if got is None:
                regressions.append("regression: %s: expected pass, missing from the run" % test_id)
            elif got[0] == "skip" and got[1].startswith("excluded:"):
                changes.append("no longer run: %s (was pass; %s)" % (test_id, got[1]))
            elif got[0] != "pass":
                regressions.append("regression: %s: expected pass, got %s: %s" % (test_id, got[0], got[1]))
        elif got is not None and got[0] == "pass":
            newly_passing.append("newly passing: %s" % test_id)
        elif got is None:
            changes.append("gone: %s (expected %s)" % (test_id, exp))
        elif got[0] != exp:
            changes.append("changed: %s: expected %s, got %s: %s" % (test_id, exp, got[0], got[1]))
    for test_id, (got, reason) in actual.items():
        if test_id not in expected:
            changes.append("new: %s: %s%s" % (test_id, got, ": " + reason if reason else ""))
    return regressions, newly_passing, changes


def write_expected(runs, old, modules_run):
    """Entries of the modules that ran come from the run (keeping the old reason where the
    outcome is unchanged); entries of other modules of modules.txt are kept as they are, entries
    of no module (e.g. of a module removed from modules.txt) are dropped."""
    configured = read_modules() + list(modules_run)
    entries = {tid: v for tid, v in old.items()
               if module_of(tid, modules_run) is None and module_of(tid, configured) is not None}
    for run in runs:
        for test_id, (outcome, reason) in run.results.items():
            prev = old.get(test_id)
            if outcome == "pass":
                reason = prev[1] if prev and prev[0] == "pass" else ""
            elif prev and prev[0] == outcome and prev[1]:
                reason = prev[1]
            entries[test_id] = (outcome, reason)
    order = read_modules()
    for run in runs:
        if run.module not in order:
            order.append(run.module)

    def key(tid):
        m = module_of(tid, order)
        return (order.index(m) if m in order else len(order), tid)

    width = max([len(o) for o, _ in entries.values()] or [4])
    with open(EXPECTED_FILE, "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write("# Expected outcome of every CPython test run by bin/conformance under bin/graalpy-os.\n"
                "# '<outcome> <test id>  # reason'; outcomes: %s.\n"
                "# Regenerate with: bin/conformance --update (reasons of unchanged entries are kept).\n"
                % ", ".join(OUTCOMES))
        current = None
        for tid in sorted(entries, key=key):
            m = module_of(tid, order)
            if m != current:
                f.write("\n# %s\n" % m)
                current = m
            outcome, reason = entries[tid]
            line = "%-*s %s" % (width, outcome, tid)
            if reason:
                line += "  # " + reason.replace("\n", " ")
            f.write(line + "\n")


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_report(runs, testdir, regressions, newly_passing, changes, total_elapsed, jobs):
    totals = {o: 0 for o in OUTCOMES}
    for run in runs:
        for o, n in run.counts().items():
            totals[o] += n
    out = ["# CPython conformance report", "",
           "Generated by `bin/conformance` on %s. CPython tests: `%s`; launcher: `bin/graalpy-os`; "
           "jobs: %d; wall time: %.1f s." % (time.strftime("%Y-%m-%d %H:%M:%S"), testdir, jobs, total_elapsed), "",
           "| module | status | time (s) | pass | fail | error | skip | expected-failure | unexpected-success |",
           "|---|---|---|---|---|---|---|---|---|"]
    for run in runs:
        c = run.counts()
        out.append("| %s | %s | %.1f | %s |" % (run.module + (" (%s)" % _selected(run) if run.selectors else ""), _md(run.status + (": " + run.detail if run.detail else "")),
                                                run.elapsed, " | ".join(str(c[o]) for o in OUTCOMES)))
    out.append("| **total** | | | %s |" % " | ".join(str(totals[o]) for o in OUTCOMES))
    out.append("")
    out.append("Regressions against expected.txt: %d; newly passing: %d." % (len(regressions), len(newly_passing)))
    for title, lines in (("Regressions", regressions), ("Newly passing", newly_passing), ("Other changes", changes)):
        if lines:
            out += ["", "## " + title, ""] + ["- " + _md(l) for l in lines]
    for run in runs:
        out += ["", "## %s" % run.module, "",
                "Log: `%s`" % os.path.relpath(run.log, ROOT), ""]
        if run.selectors:
            out += ["Selection (modules.txt): %s; %s." % (" ".join("`%s`" % s for s in run.selectors),
                                                          _selected(run)), ""]
        slow = [kv for kv in sorted(run.seconds.items(), key=lambda kv: -kv[1])[:SLOWEST] if kv[1] >= 1]
        if slow:
            out += ["Slowest tests: " + ", ".join("`%s` %.1f s" % (tid, sec)
                                                   for tid, sec in slow), ""]
        for outcome in ("error", "fail", "unexpected-success", "expected-failure", "skip", "pass"):
            ids = [(tid, r) for tid, (o, r) in run.results.items() if o == outcome]
            if not ids:
                continue
            out += ["### %s (%d)" % (outcome, len(ids)), "", "| test | reason |", "|---|---|"]
            out += ["| %s | %s |" % (_md(tid), _md(r)) for tid, r in ids]
            out.append("")
    with open(REPORT_FILE, "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write("\n".join(out).rstrip() + "\n")


# ---------------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(prog="bin/conformance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", metavar="M",
                        help="run only module M (repeatable; with its selectors from modules.txt, "
                             "or those given as --module 'M SEL ...'); compare only its entries")
    parser.add_argument("--update", action="store_true", help="rewrite expected.txt from this run")
    parser.add_argument("--timeout", type=float, metavar="S",
                        help="timeout per module in seconds (default %g; %g with --all-multiprocessing)"
                             % (DEFAULT_TIMEOUT, ALL_MULTIPROCESSING_TIMEOUT))
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="modules run in parallel (default 1)")
    parser.add_argument("--all-multiprocessing", action="store_true",
                        help="run the whole of %s (modules.txt runs a subset of them); compare "
                             "only the entries they have in expected.txt" % ", ".join(ALL_MULTIPROCESSING))
    args = parser.parse_args(argv)
    if args.all_multiprocessing and (args.module or args.update):
        parser.error("--all-multiprocessing runs its own modules and never updates expected.txt "
                     "(which records only the subset that modules.txt selects)")
    if args.timeout is None:
        args.timeout = ALL_MULTIPROCESSING_TIMEOUT if args.all_multiprocessing else DEFAULT_TIMEOUT

    lines = read_module_lines()
    if args.all_multiprocessing:
        lines = [(m, []) for m in ALL_MULTIPROCESSING]  # no selectors: every test of the module
    elif args.module:
        # '--module M' takes M's selectors from modules.txt; '--module "M SEL ..."' gives its own
        configured = dict(lines)
        lines = []
        for spec in args.module:
            parts = spec.split()
            lines.append((parts[0], parts[1:] or configured.get(parts[0], [])))
    modules = [m for m, _ in lines]
    if not modules:
        raise SystemExit("conformance: no modules (%s is empty)" % MODULES_FILE)
    if not os.access(LAUNCHER, os.X_OK):
        raise SystemExit("conformance: %s not found" % LAUNCHER)
    pythonpath, testdir = prepare_pythonpath()
    expected = read_expected()

    started = time.monotonic()
    progress = Progress([step_name(m, sel) for m, sel in lines], "modules", history=DURATIONS_FILE,
                        parallel=args.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = list(pool.map(lambda ms: run_module(ms[0], ms[1], pythonpath, args.timeout, progress), lines))
    total_elapsed = time.monotonic() - started

    regressions, newly_passing, changes = compare(runs, expected, modules)
    write_report(runs, testdir, regressions, newly_passing, changes, total_elapsed, args.jobs)

    if not expected:
        say("no expected results yet (%s); create it with: bin/conformance --update"
            % os.path.relpath(EXPECTED_FILE, ROOT))
    else:
        # informational lines, at most MAX_INFO_LINES per kind (the report has them all)
        for kind in ("new", "gone", "changed", "no longer run"):
            lines = [l for l in changes if l.startswith(kind + ": ")]
            for line in lines[:MAX_INFO_LINES]:
                say(line)
            if len(lines) > MAX_INFO_LINES:
                say("... and %d more '%s' lines (see the report)" % (len(lines) - MAX_INFO_LINES, kind))
    for line in newly_passing:
        say(line)
    if args.update:
        for run in runs:
            if run.status != "ok":
                say("warning: %s %s (%s); expected.txt records that run's errors"
                    % (run.module, run.status, run.detail))
        write_expected(runs, expected, modules)
        for line in regressions:
            say("accepted " + line)
        say("updated %s" % os.path.relpath(EXPECTED_FILE, ROOT))
        regressions = []
    else:
        for line in regressions:
            say(line)
        if newly_passing or (changes and not regressions):
            say("expected.txt is out of date; accept with: bin/conformance --update%s"
                % "".join(" --module " + m for m in (args.module or [])))
    totals = {o: 0 for o in OUTCOMES}
    for run in runs:
        for o, n in run.counts().items():
            totals[o] += n
    say("report: %s (%d module(s), %.1f s)" % (os.path.relpath(REPORT_FILE, ROOT), len(runs), total_elapsed))
    say("totals: %s" % ", ".join("%d %s" % (totals[o], o) for o in OUTCOMES))
    say("conformance: %d passed, %d failed, %d skipped" % (totals["pass"], len(regressions), totals["skip"]))
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
