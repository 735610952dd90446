"""bench/run driver: graalpy-os vs CPython on process creation; prints progress, writes bench/results.md and
bench/results.png.

Runs with the host python3, stdlib only. Every workload in bench/workloads/ runs once per interpreter
(in its own process, with a timeout) and prints one JSON line; a failure is reported, never dropped.
Start-up is measured for CPython, graalpy-os with and without its JDK AOT cache, and stock GraalPy
(its own launcher, same jars) with and without an AOT cache; `--startup` measures only that. A C program
(workloads/fork_c.c, compiled with gcc) measures fork+_exit+waitpid at the RSS the Python parents had; bench/plot.py
draws the picture under Debian's python3 (matplotlib). Progress: one `[k/N steps]` line per step.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORKLOADS = os.path.join(BENCH, "workloads")
RESULTS = os.path.join(BENCH, "results.md")
LOG = os.path.join(BENCH, "last-run.log")
STARTUP_RESULTS = os.path.join(BENCH, "startup-results.md")
GRAALPY_OS = os.path.join(ROOT, "bin", "graalpy-os")
STOCK_AOT_DIR = os.path.join(BENCH, ".aot")  # stock GraalPy's AOT cache (graalpy-os keeps its own in target/aot)
PICTURE = os.path.join(BENCH, "results.png")
PLOT = os.path.join(BENCH, "plot.py")
PLOT_PYTHON = "/usr/bin/python3"  # Debian's, where python3-matplotlib installs (python3 on PATH may be another)
sys.path.insert(0, os.path.join(ROOT, "tools"))
from progress import Progress  # noqa: E402

# A concurrent rebuild of the jars shows up as one of these; wait and retry.
REBUILD_SIGNS = ("not built yet", "NoClassDefFoundError", "ClassNotFoundException", "ClassFormatError",
                 "Truncated class file", "annotation processor run", "ZipException", "Could not find or load main class",
                 "Error opening zip file", "invalid LOC header", "zip END header not found")
REBUILD_WAIT_S = 30
REBUILD_TRIES = 3

GOALS = {  # ratio graalpy-os / CPython, from the issues
    "spawn": 1.5,
    "run_default": 2.0,
    "run_no_close_fds": 2.0,
    "fork": 3.0,
}

MODES = {
    # workload arguments (key=value; `cap` = seconds per measurement, n adapts to it, at most `n` per batch),
    # start-up runs per command, timeout per process, and a budget for the whole run (later steps are skipped).
    "full": {"spawn": "batches=5 n=200 warmup=3000 cap=20", "fork": "batches=5 n=20 warmup=5 cap=12 heap_cap=10",
             "fork_c": "batches=5 n=20 warmup=5 cap=5", "startup_runs": 5, "timeout": 150, "budget": 380},
    "quick": {"spawn": "batches=3 n=20 warmup=10 cap=2", "fork": "batches=3 n=10 warmup=3 cap=5 heap_cap=4",
              "fork_c": "batches=3 n=10 warmup=3 cap=2", "startup_runs": 2, "timeout": 75, "budget": 140},
    # start-up only: more runs per cell
    "startup": {"startup_runs": 5, "timeout": 150, "budget": 0},
}
# Seconds for the start-up phase on top of the budget above (the no-cache and stock variants are slow).
STARTUP_BUDGET = {"full": 300, "quick": 120, "startup": 600}
STARTUP_CODES = [("pass", "pass"), ("import", "import os, subprocess, threading")]
# Stock GraalPy: its JVM launcher (python-launcher) on the jars graalpy-os runs from, with the flags the
# issue measured it with; its AOT cache is trained on one run of this (graalpy-os's: bin/aot-cache).
STOCK_ARTIFACTS = [("org/graalvm/python", "python-launcher"), ("org/graalvm/sdk", "launcher-common"),
                   ("org/graalvm/shadowed", "jline"), ("org/graalvm/sdk", "maven-downloader")]
STOCK_FLAGS = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
               "-Dpolyglot.engine.WarnInterpreterOnly=false"]
STOCK_MAIN = "com.oracle.graal.python.shell.GraalPythonMain"
STOCK_TRAINING = "import os, subprocess, threading, json, re, tempfile; subprocess.run(['/bin/true'])"

START = time.monotonic()
log_file = None


def elapsed():
    return time.monotonic() - START


def progress(msg):
    print(f"[{elapsed():6.1f}s] {msg}", flush=True)


def log(text):
    if log_file:
        log_file.write(text if text.endswith("\n") else text + "\n")
        log_file.flush()


def first_line(text):
    """First meaningful stderr line (JVM 'WARNING:' boilerplate skipped if anything else is there)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if not line.startswith("WARNING:"):
            return line[:300]
    return lines[0][:300] if lines else ""


class Interp:
    def __init__(self, name, argv, env=None, note=""):
        self.name = name
        self.argv = argv
        self.env = env  # variables set on top of the driver's environment
        self.note = note  # how it was run, for the results

    def environ(self):
        return {**os.environ, **self.env} if self.env else None


def run_proc(argv, timeout, cwd=WORKLOADS, env=None):
    """Run in its own process group (so a timeout also ends forked children). -> rc, out, err, seconds."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=env)
    try:
        out, err = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        rc = None
    return rc, out, err, time.perf_counter() - t0


def rebuild_in_progress(interp, err):
    return interp.name.startswith("graalpy-os") and any(sign in err for sign in REBUILD_SIGNS)


class Budget:
    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds  # from now: the start-up phase's is made after the workloads

    def left(self):
        return self.deadline - time.monotonic()


def run_workload(interp, script, args, timeout, budget):
    """-> {"ok": last (cumulative) JSON result or None, "error": None or why the process failed, "stderr": first
    line, "wall_s"}. A workload that dies after some stages keeps them; the driver reports the rest as failed."""
    argv = interp.argv + [script] + args.split()
    tries = 0
    while True:
        left = budget.left()
        if left < 5:
            return {"ok": None, "error": "skipped: run time budget spent"}
        rc, out, err, secs = run_proc(argv, min(timeout, left), env=interp.environ())
        log(f"=== {interp.name} {script} {args} rc={rc} {secs:.1f}s\n--- stdout\n{out}\n--- stderr\n{err}")
        tries += 1
        if rc not in (0, None) and rebuild_in_progress(interp, err) and tries < REBUILD_TRIES \
                and budget.left() > REBUILD_WAIT_S + 20:
            progress(f"  {interp.name}: looks like a rebuild in progress ({first_line(err)}); retry in {REBUILD_WAIT_S}s")
            time.sleep(REBUILD_WAIT_S)
            continue
        break
    result = None
    for line in reversed(out.splitlines()):
        if line.startswith("{"):
            try:
                result = json.loads(line)
                break
            except ValueError:
                pass
    error = None
    if rc is None:
        error = f"timeout after {secs:.0f}s" + (f" (stderr: {first_line(err)})" if err.strip() else "")
    elif rc != 0:
        error = f"exit status {rc}: {first_line(err) or '(empty stderr)'}"
    elif result is None:
        error = f"no JSON result line: {first_line(err) or '(empty stderr)'}"
    return {"ok": result, "error": error, "stderr": first_line(err), "wall_s": secs}


FORK_C_STEP = "fork_c.c at the Python parents' RSS"


def fork_points(results):
    """[(interpreter, what, parent's RSS at fork in MB, measurement)] from fork.py's results: the warm fork,
    then each size of live data."""
    points = []
    for name in ("CPython", "graalpy-os"):
        r = results.get(("fork", name))
        res = (r or {}).get("ok") or {}
        rss = res.get("rss_at_fork_mb") or res.get("rss_mb")
        if "fork_exit_waitpid" in res and rss:
            points.append((name, "warm", rss, res["fork_exit_waitpid"]))
        for val in res.values():
            if isinstance(val, dict) and "fork_exit_waitpid" in val and val.get("rss_at_fork_mb"):
                points.append((name, f"~{val['live_mb']} MB live", val["rss_at_fork_mb"], val["fork_exit_waitpid"]))
    return points


def run_fork_c(results, args, timeout, budget):
    """workloads/fork_c.c, compiled with gcc into a temporary directory, at the RSS (MB, rounded) the Python parents
    had at their forks; -> a run_workload result whose JSON has one entry per size in "sizes"."""
    sizes = sorted({round(rss) for _, _, rss, _ in fork_points(results)})
    if not sizes:
        return {"ok": None, "error": "skipped: no Python fork result to match"}
    gcc = shutil.which("gcc")
    if not gcc:
        return {"ok": None, "error": "skipped: gcc not found"}
    with tempfile.TemporaryDirectory(prefix="bench-fork-c-") as tmp:
        binary = os.path.join(tmp, "fork_c")
        made = subprocess.run([gcc, "-O2", "-o", binary, os.path.join(WORKLOADS, "fork_c.c")], capture_output=True,
                              text=True)
        if made.returncode != 0:
            return {"ok": None, "error": f"gcc failed: {first_line(made.stderr)}"}
        return run_workload(Interp("C", [binary]), ",".join(map(str, sizes)), args, timeout, budget)


def c_stage(results, rss):
    """fork_c's measurement at the size matching a Python parent's RSS, or None."""
    r = results.get(("fork_c", "C"))
    return next((st for st in ((r or {}).get("ok") or {}).get("sizes", []) if st["size_mb"] == round(rss)), None)


def spread(measurement):
    """[median, min, max] of a measurement's per-batch per-call ms."""
    return [measurement["median_ms"], min(measurement["batches_ms"]), max(measurement["batches_ms"])]


SPAWN_BARS = [("posix_spawn_waitpid", "posix_spawn\n+ waitpid"), ("run_close_fds_true", "subprocess.run\nclose_fds=True"),
              ("run_close_fds_false", "subprocess.run\nclose_fds=False")]


def draw_picture(results, info, mode_name, note):
    """bench/results.png through bench/plot.py under Debian's python3; -> whether it was written (else says why)."""
    fork = {}
    for name, _, rss, m in fork_points(results):
        fork.setdefault(name, []).append([rss] + spread(m))
    r = results.get(("fork_c", "C"))
    for stage in ((r or {}).get("ok") or {}).get("sizes", []):
        fork.setdefault("C", []).append([stage["rss_at_fork_mb"]] + spread(stage["fork_exit_waitpid"]))
    spawn = {}
    for name in ("CPython", "graalpy-os"):
        res = (results.get(("spawn", name)) or {}).get("ok") or {}
        spawn[name] = {key: spread(res[key]) for key, _ in SPAWN_BARS if key in res}
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    loaded = " — machine busy: absolute times inflated" if busy(info) else ""
    data = {"fork": fork, "spawn": spawn, "measurements": SPAWN_BARS,
            "title": f"bench/run{' --quick' if mode_name == 'quick' else ''}, {now}: {info['nproc']} CPUs, load "
                     f"{info['load_start'].split()[0]} at start, {info['load_end'].split()[0]} at end{loaded}",
            "note": note}
    if not os.access(PLOT_PYTHON, os.X_OK):
        progress(f"no picture: {PLOT_PYTHON} (Debian's python3, with python3-matplotlib) is not installed")
        return False
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(data, f)
        f.flush()
        try:
            drawn = subprocess.run([PLOT_PYTHON, PLOT, f.name, PICTURE], capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            progress("no picture: bench/plot.py did not finish in 120 s")
            return False
    if drawn.returncode == 3:
        progress("no picture: matplotlib is missing; install it with: apt-get install python3-matplotlib")
        return False
    if drawn.returncode != 0:
        progress(f"no picture: bench/plot.py failed: {first_line(drawn.stderr)}")
        return False
    return True


def run_startup_once(interp, code, timeout, budget):
    """One `interp -c code`: wall time (driver clock) and peak RSS (/usr/bin/time -v if installed, else the
    child's ru_maxrss from wait4). -> {"wall": s, "rss_mb": MB or None} or {"error": str}."""
    gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    tries = 0
    while True:
        argv = interp.argv + ["-c", code]
        if gnu_time:
            argv = [gnu_time, "-v"] + argv
        limit = min(timeout, max(budget.left(), 1))
        t0 = time.perf_counter()
        with tempfile.TemporaryFile("w+") as err_file:
            proc = subprocess.Popen(argv, cwd=WORKLOADS, stdout=subprocess.DEVNULL, stderr=err_file,
                                    start_new_session=True, env=interp.environ())
            timed_out = []

            def kill():
                timed_out.append(True)
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            timer = threading.Timer(limit, kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)  # wait4, not Popen.wait: the child's own ru_maxrss
            timer.cancel()
            if timed_out:
                proc.returncode = -9
                return {"error": f"timeout after {time.perf_counter() - t0:.0f}s", "budget": limit < timeout}
            wall = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
            err_file.seek(0)
            err = err_file.read()
        log(f"=== startup {interp.name} -c {code!r} rc={proc.returncode} {wall:.2f}s\n{err}")
        if gnu_time:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
            maxrss_kb = int(m.group(1)) if m else None
            status = re.search(r"Exit status: (\d+)", err)
            rc = int(status.group(1)) if status else proc.returncode
            err = "\n".join(l for l in err.splitlines() if not l.startswith("\t") and "Command " not in l)
        else:
            rc, maxrss_kb = proc.returncode, usage.ru_maxrss
        if rc != 0:
            tries += 1
            if rebuild_in_progress(interp, err) and tries < REBUILD_TRIES and budget.left() > REBUILD_WAIT_S + 20:
                progress(f"  {interp.name}: looks like a rebuild in progress; retry in {REBUILD_WAIT_S}s")
                time.sleep(REBUILD_WAIT_S)
                continue
            return {"error": f"exit status {rc}: {first_line(err) or '(empty stderr)'}"}
        if err.strip():  # `-c pass` prints nothing: any output is a launcher's (e.g. a JVM warning)
            return {"error": f"unexpected output on stderr: {first_line(err)}"}
        return {"wall": wall, "rss_mb": maxrss_kb / 1024 if maxrss_kb else None}


def startup_step(key, i, runs):
    return f"start-up -c {key} run {i + 1}/{runs}"


def run_startups(interps, codes, runs, timeout, budget, results, steps):
    """Runs interleaved (run i of every command and interpreter before run i+1), so a spent budget
    leaves every cell with some runs. One progress step per command and run i."""
    cells = {("startup_" + key, interp.name): {"wall_s": [], "rss_mb": []} for key, _ in codes for interp in interps}
    results.update(cells)
    for i in range(runs):
        for key, code in codes:
            steps.start(startup_step(key, i, runs))
            walls = []
            for interp in interps:
                cell = cells[("startup_" + key, interp.name)]
                if "error" in cell:
                    continue
                expected = max(cell["wall_s"], default=0) + 3
                if budget.left() < expected:
                    cell["note"] = f"{len(cell['wall_s'])} of {runs} runs (time budget)"
                    if not cell["wall_s"]:
                        cell["error"] = "skipped: run time budget spent"
                    continue
                r = run_startup_once(interp, code, timeout, budget)
                if "error" in r:
                    if r.get("budget") and cell["wall_s"]:
                        cell["note"] = f"{len(cell['wall_s'])} of {runs} runs (time budget)"
                    else:
                        cell["error"] = r["error"]
                    progress(f"startup {interp.name:<22} -c {code!r} run {i + 1}: FAILED: {r['error']}")
                    continue
                cell["wall_s"].append(r["wall"])
                if r["rss_mb"]:
                    cell["rss_mb"].append(r["rss_mb"])
                walls.append(f"{interp.name} {r['wall']:.2f} s")
            step_done(steps, startup_step(key, i, runs), ", ".join(walls) or "nothing run")


def step_done(steps, name, text):
    """One line per finished step: [k/N steps] name: text; elapsed M:SS, ~M:SS left."""
    tag = steps.done(name)
    steps.save()
    print(f"{tag} {name}: {text}; {steps.times()}", flush=True)


def median(values):
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def sh(cmd):
    try:
        return subprocess.run(["bash", "-c", cmd], cwd=ROOT, capture_output=True, text=True, timeout=60)
    except Exception as error:  # noqa: BLE001 - reported as text
        return subprocess.CompletedProcess(cmd, 1, "", str(error))


def machine_info():
    info = {"nproc": os.cpu_count()}
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info["cpu"] = cpu
    mem = "unknown"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    info["memory"] = mem
    info["kernel"] = platform.release()
    java = sh('. bin/java-home.sh >/dev/null && echo "JAVA_HOME=$JAVA_HOME" && "$JAVA_HOME/bin/java" -version 2>&1')
    lines = [l for l in (java.stdout + java.stderr).splitlines() if l.strip()]
    info["java_home"] = lines[0].split("=", 1)[1] if lines and lines[0].startswith("JAVA_HOME=") else "?"
    info["java"] = " / ".join(lines[1:]) if len(lines) > 1 else "unavailable: " + " ".join(lines)
    if os.environ.get("GRAALPY_OS_JAVA"):
        info["java"] += f" (but GRAALPY_OS_JAVA={os.environ['GRAALPY_OS_JAVA']} is set)"
    info["java_opts"] = os.environ.get("GRAALPY_OS_JAVA_OPTS", "")
    py = shutil.which("python3")
    v = sh('python3 -c "import sys; print(sys.version.split()[0])"')
    info["cpython"] = f"{v.stdout.strip() or '?'} ({py})"
    info["driver_python"] = platform.python_version()
    head = sh("git rev-parse --short HEAD && git status --porcelain | grep -v '^?? bench/' | wc -l")
    parts = head.stdout.split()
    info["git"] = f"{parts[0]} + {parts[1]} uncommitted change(s) outside bench/" if len(parts) == 2 else "?"
    load = sh("cat /proc/loadavg").stdout.split()
    info["load_start"] = " ".join(load[:3]) if load else "?"
    return info


def fmt_ms(x):
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:.0f} ms"
    if x >= 10:
        return f"{x:.1f} ms"
    return f"{x:.2f} ms"


def fmt_ratio(r):
    return "—" if r is None else (f"{r:.0f}×" if r >= 100 else f"{r:.1f}×")


def graalpy_os_aot_cache():
    """bin/aot-cache (a no-op when the cache matches the jars) -> (path or None, what it said)."""
    try:
        made = subprocess.run([os.path.join(ROOT, "bin", "aot-cache")], capture_output=True, text=True, timeout=900)
        said = (made.stdout + made.stderr).strip().splitlines()
        where = subprocess.run([GRAALPY_OS], env={**os.environ, "GRAALPY_OS_AOT": "path"}, capture_output=True,
                               text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, str(error)
    path = where.stdout.strip()
    return (path if where.returncode == 0 and os.path.isfile(path) else None), (said[-1] if said else "")


def stock_graalpy(java_home, fetch):
    """-> (Interp without AOT cache, Interp with one, None) or (None, None, why not). The jars come from the local
    Maven repository (fetched with `mvn dependency:get` if missing and fetch is set)."""
    m = re.search(r"<graalpy.version>([^<]+)<", open(os.path.join(ROOT, "pom.xml")).read())
    version = m.group(1) if m else "?"
    repo = os.path.join(os.path.expanduser("~"), ".m2", "repository")
    extra = [os.path.join(repo, g, a, version, f"{a}-{version}.jar") for g, a in STOCK_ARTIFACTS]
    if not all(os.path.isfile(j) for j in extra) and fetch:
        progress(f"stock GraalPy: fetching org.graalvm.python:python-launcher:{version} with mvn dependency:get")
        try:
            subprocess.run(["mvn", "-q", "-B", "dependency:get", f"-Dartifact=org.graalvm.python:python-launcher:{version}"],
                           cwd=ROOT, capture_output=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired):
            pass
    if not all(os.path.isfile(j) for j in extra):
        return None, None, f"org.graalvm.python:python-launcher:{version} and its launcher jars are not in {repo}"
    lib = os.path.join(ROOT, "graalpy-os", "target", "lib")
    try:
        base = sorted(os.path.join(lib, f) for f in os.listdir(lib)
                      if f.endswith(".jar") and not f.startswith("lib-python-shims"))
    except OSError:
        return None, None, "graalpy-os is not built (no graalpy-os/target/lib)"
    classpath = ":".join(base + extra)
    java = os.path.join(java_home, "bin", "java")
    argv = [java] + STOCK_FLAGS
    plain = Interp("GraalPy stock", argv + ["-cp", classpath, STOCK_MAIN],
                   note=f"`{STOCK_MAIN}` (python-launcher {version}) on the same GraalPy jars, JVM defaults (G1)")
    # Its AOT cache, named after the jars and the JDK as graalpy-os's is (the JVM checks sizes and mtimes).
    key = "\n".join(f"{p} {st.st_size} {int(st.st_mtime)}" for p in [java] + base + extra for st in [os.stat(p)])
    cache = os.path.join(STOCK_AOT_DIR, f"graalpy-stock-{zlib.crc32(key.encode()):08x}.aot")
    if not os.path.isfile(cache):
        os.makedirs(STOCK_AOT_DIR, exist_ok=True)
        for old in os.listdir(STOCK_AOT_DIR):
            os.remove(os.path.join(STOCK_AOT_DIR, old))
        progress(f"stock GraalPy: training its AOT cache ({os.path.relpath(cache, ROOT)}) on one run of {STOCK_TRAINING!r}")
        tmp = f"{cache}.{os.getpid()}.tmp"
        rc, _, err, secs = run_proc(argv + [f"-XX:AOTCacheOutput={tmp}", "-cp", classpath, STOCK_MAIN, "-c", STOCK_TRAINING],
                                    600)
        log(f"=== stock GraalPy AOT training rc={rc} {secs:.1f}s\n{err}")
        if rc == 0 and os.path.isfile(tmp):
            os.replace(tmp, cache)
        else:
            return plain, None, f"stock AOT training failed (status {rc}): {first_line(err)}"
    cached = Interp("GraalPy stock + AOT", argv + [f"-XX:AOTCache={cache}", "-Xlog:aot=off", "-Xlog:cds=off",
                                                  "-cp", classpath, STOCK_MAIN],
                    note="same, with a JDK AOT cache trained on one run (`-XX:AOTCacheOutput`)")
    return plain, cached, None


def stock_c1(cached):
    return Interp("GraalPy stock + AOT + C1", cached.argv[:1] + ["-XX:TieredStopAtLevel=1"] + cached.argv[1:],
                  note="same, with `-XX:TieredStopAtLevel=1`")


def startup_interps(opts, info):
    """CPython, graalpy-os with and without its AOT cache, stock GraalPy without and with one."""
    interps = [Interp("CPython", [opts.python], note=info["cpython"])]
    cache, said = graalpy_os_aot_cache()
    if cache:
        progress(f"graalpy-os AOT cache: {os.path.relpath(cache, ROOT)} ({os.path.getsize(cache) >> 20} MB)")
        interps.append(Interp("graalpy-os", [GRAALPY_OS], note=f"`bin/graalpy-os`, AOT cache {os.path.relpath(cache, ROOT)}"
                                                               f" ({os.path.getsize(cache) >> 20} MB)"))
    else:
        progress(f"graalpy-os AOT cache: none ({said})")
        interps.append(Interp("graalpy-os", [GRAALPY_OS], note=f"`bin/graalpy-os`, **no AOT cache** ({said})"))
    interps.append(Interp("graalpy-os no cache", [GRAALPY_OS], env={"GRAALPY_OS_AOT": "off"},
                          note="`GRAALPY_OS_AOT=off bin/graalpy-os`"))
    c2 = (os.environ.get("GRAALPY_OS_JAVA_OPTS", "") + " -XX:TieredStopAtLevel=4").strip()
    interps.append(Interp("graalpy-os C1+C2", [GRAALPY_OS], env={"GRAALPY_OS_JAVA_OPTS": c2},
                          note=f"`GRAALPY_OS_JAVA_OPTS='{c2}' bin/graalpy-os` (AOT cache, C2 as well: the launcher's default is C1 only)"))
    if opts.no_stock:
        info["stock"] = "not measured (--no-stock)"
        return interps
    plain, cached, why = stock_graalpy(info["java_home"], fetch=True)
    info["stock"] = why or "measured"
    if why:
        progress(f"stock GraalPy: {why}")
    interps += [i for i in (plain, cached, cached and stock_c1(cached)) if i]
    return interps


def main():
    global log_file
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer batches and runs (< ~2 minutes)")
    parser.add_argument("--startup", action="store_true",
                        help="only the start-up comparison (~5-9 minutes), written to bench/startup-results.md")
    parser.add_argument("--no-stock", action="store_true", help="leave out stock GraalPy")
    parser.add_argument("--runs", type=int, help="start-up runs per interpreter and command (default: by mode)")
    parser.add_argument("--python", default=shutil.which("python3") or "python3",
                        help="CPython to compare with (default: python3 on PATH)")
    parser.add_argument("--multiprocessing", action="store_true",
                        help="only multiprocessing start methods (first result, Pool(2).map); several minutes")
    parser.add_argument("--note", default="", help="a line for the results (e.g. what else ran on the machine)")
    opts = parser.parse_args()
    if opts.multiprocessing:
        return run_multiprocessing(opts.python)
    mode_name = "startup" if opts.startup else "quick" if opts.quick else "full"
    mode = MODES[mode_name]
    budget = Budget(mode["budget"])
    log_file = open(LOG, "w")
    interps = [Interp("CPython", [opts.python]), Interp("graalpy-os", [GRAALPY_OS])]

    progress(f"bench/run ({mode_name} mode, budget {mode['budget'] + STARTUP_BUDGET[mode_name]}s); collecting machine info")
    info = machine_info()
    progress(f"  {info['nproc']} CPUs, {info['cpu']}, {info['memory']}; JDK: {info['java'][:70]}; CPython {info['cpython']}")

    jobs = [] if opts.startup else [("spawn", "spawn.py", mode["spawn"]), ("fork", "fork.py", mode["fork"])]
    runs = opts.runs or mode["startup_runs"]
    step_names = [f"{script} on {interp.name}" for _, script, _ in jobs for interp in interps]
    step_names += [] if opts.startup else [FORK_C_STEP]
    step_names += ["start-up interpreters"] + [startup_step(key, i, runs) for i in range(runs) for key, _ in STARTUP_CODES]
    step_names += [] if opts.startup else ["picture"]
    steps = Progress(step_names, "steps", history=os.path.join(BENCH, f".durations-{mode_name}.json"))
    results = {}  # (job, interp) -> dict
    for job, script, args in jobs:
        for interp in interps:
            name = f"{script} on {interp.name}"
            steps.start(name)
            r = run_workload(interp, script, args, mode["timeout"], budget)
            results[(job, interp.name)] = r
            outcome = ("ok" if not r["error"] else "PARTIAL") + f" in {r.get('wall_s', 0):.1f} s: {summarize(r['ok'])}" \
                if r["ok"] else ""
            step_done(steps, name, "; ".join(x for x in (outcome, r["error"] and "FAILED: " + r["error"]) if x)
                      + (f" [stderr: {r['stderr']}]" if r.get("stderr") else ""))
    if not opts.startup:
        steps.start(FORK_C_STEP)
        results[("fork_c", "C")] = r = run_fork_c(results, mode["fork_c"], mode["timeout"], budget)
        step_done(steps, FORK_C_STEP, f"FAILED: {r['error']}" if r["error"] else ", ".join(
            f"{fmt_ms(st['fork_exit_waitpid']['median_ms'])} at {st['rss_at_fork_mb']:.0f} MB" for st in r["ok"]["sizes"]))

    steps.start("start-up interpreters")
    s_interps = startup_interps(opts, info)
    step_done(steps, "start-up interpreters", ", ".join(i.name for i in s_interps))
    startup_budget = Budget(max(budget.left(), 0) + STARTUP_BUDGET[mode_name])
    run_startups(s_interps, STARTUP_CODES, runs, mode["timeout"], startup_budget, results, steps)

    info["load_end"] = " ".join(sh("cat /proc/loadavg").stdout.split()[:3])
    s_lines = startup_table(results, s_interps)
    print("\n".join(s_lines))
    if opts.startup:
        write_startup_results(info, s_lines, results, s_interps)
        progress(f"wrote {os.path.relpath(STARTUP_RESULTS, ROOT)} (all stderr in {os.path.relpath(LOG, ROOT)})")
    else:
        rows = build_rows(results)
        print_table(rows)
        steps.start("picture")
        picture = draw_picture(results, info, mode_name, opts.note)
        step_done(steps, "picture", f"wrote {os.path.relpath(PICTURE, ROOT)}" if picture else "none (see above)")
        write_results(mode_name, info, rows, results, jobs, s_lines, s_interps, picture, opts.note)
        progress(f"wrote {os.path.relpath(RESULTS, ROOT)} (all stderr in {os.path.relpath(LOG, ROOT)})")
    log_file.close()


def run_multiprocessing(python, timeout=600):
    """Each start method under CPython and graalpy-os in the same run; prints a table (not in results.md)
    and graalpy-os's warm forkserver start -> first result against CPython's spawn (issue 5's goal: <= 3x)."""
    global log_file
    log_file = open(LOG, "w")
    interps = [Interp("CPython", [python]), Interp("graalpy-os", [os.path.join(ROOT, "bin", "graalpy-os")])]
    budget = Budget(3600)
    print(f"{'start method':<12} {'interpreter':<11} {'start -> first result':>22} {'2nd start -> result':>20} "
          f"{'Pool(2).map 1000 tasks':>23}")
    seconds = {}
    for method in ("fork", "spawn", "forkserver"):
        for interp in interps:
            r = run_workload(interp, "multiprocessing_.py", f"method={method}", timeout, budget)
            if r["error"]:
                cells = (r["error"][:45], "", "")
            else:
                seconds[method, interp.name] = r["ok"]
                cells = (f"{r['ok']['first_result_s']:.2f} s", f"{r['ok']['second_result_s']:.2f} s",
                         f"{r['ok']['pool2_map_s']:.2f} s")
            print(f"{method:<12} {interp.name:<11} {cells[0]:>22} {cells[1]:>20} {cells[2]:>23}", flush=True)
    warm, spawn = seconds.get(("forkserver", "graalpy-os")), seconds.get(("spawn", "CPython"))
    if warm and spawn:
        print(f"warm forkserver (2nd start -> result) / CPython spawn (start -> first result): "
              f"{warm['second_result_s'] / spawn['first_result_s']:.1f}x (goal <= 3x)")
    log_file.close()


def startup_cell(results, key, name, metric):
    """-> (median or None, text)."""
    r = results.get(("startup_" + key, name))
    if r is None:
        return None, "not run"
    values = r["wall_s"] if metric == "wall" else r["rss_mb"]
    if not values:
        return None, "FAILED: " + r.get("error", "no runs") if r.get("error") else "n/a"
    m = median(values)
    return m, (f"{m:.2f} s" if metric == "wall" else f"{m:.0f} MB")


def startup_table(results, interps):
    """Markdown: one column per interpreter, cells 'median (ratio to CPython)', then graalpy-os vs stock."""
    names = [i.name for i in interps]
    lines = ["| Start-up | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    labels = {"pass": "`-c pass`", "import": "`-c 'import os, subprocess, threading'`"}
    for key, _ in STARTUP_CODES:
        for metric, what in (("wall", "wall"), ("rss", "peak RSS")):
            base, _ = startup_cell(results, key, "CPython", metric)
            cells = []
            for name in names:
                value, text = startup_cell(results, key, name, metric)
                if name != "CPython" and value is not None and base:
                    text += f" ({fmt_ratio(value / base)})"
                cells.append(text)
            lines.append(f"| {labels[key]} {what} | " + " | ".join(cells) + " |")
    compare = []
    pairs = [("graalpy-os", "graalpy-os no cache"), ("graalpy-os", "GraalPy stock"), ("graalpy-os", "GraalPy stock + AOT"),
             ("graalpy-os", "GraalPy stock + AOT + C1")]
    for key, _ in STARTUP_CODES:
        for mine, other in pairs:
            ours, _ = startup_cell(results, key, mine, "wall")
            theirs, _ = startup_cell(results, key, other, "wall")
            if ours and theirs:
                compare.append(f"{labels[key]} wall: {mine} / {other} = {ours / theirs:.2f}")
    return lines + ([""] + ["- " + c for c in compare] if compare else [])


def startup_details(results, interps):
    out = []
    for i in interps:
        out.append(f"- {i.name}: {i.note}")
        for key, _ in STARTUP_CODES:
            r = results.get(("startup_" + key, i.name))
            if r and (r.get("wall_s") or r.get("error")):
                out.append(f"  - `{key}`: wall (s) {[round(x, 2) for x in r['wall_s']]}, peak RSS (MB) "
                           f"{[round(x) for x in r['rss_mb']]}" + (f" — {r['note']}" if "note" in r else "")
                           + (f" — **FAILED**: {r['error']}" if "error" in r else ""))
    return out


def write_startup_results(info, s_lines, results, interps):
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        "# graalpy-os start-up vs CPython and stock GraalPy",
        "",
        f"Generated by `bench/run --startup` on {now} ({elapsed():.0f} s). Not part of the unit tests; "
        "see docs/startup.md for what the AOT cache is and how it is made.",
        "",
        f"- Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} RAM, Linux {info['kernel']}; "
        f"load average {info['load_start']} at start, {info['load_end']} at end",
        f"- JDK: {info['java']} (`{info['java_home']}`)" + (f"; GRAALPY_OS_JAVA_OPTS=`{info['java_opts']}`"
                                                            if info["java_opts"] else ""),
        f"- git {info['git']}",
        "",
        *(["**The machine was busy (load average above its CPU count) during this run: absolute times are inflated "
           "and noisy; compare ratios with care.**", ""] if busy(info) else []),
        "Median over separate processes, run interleaved (run i of every command and interpreter before run i+1); "
        "wall time measured by the driver around the process, peak RSS by `/usr/bin/time -v`. "
        "In parentheses: the ratio to CPython.",
        "",
        *s_lines,
        "",
        "## Details",
        "",
        *startup_details(results, interps),
        f"- stock GraalPy: {info.get('stock', '?')}",
        "",
    ]
    with open(STARTUP_RESULTS, "w") as f:
        f.write("\n".join(lines))


def summarize(res):
    parts = []
    for key, val in res.items():
        if isinstance(val, dict) and "median_ms" in val:
            parts.append(f"{key} {fmt_ms(val['median_ms'])} (n={val['n']})")
        elif isinstance(val, dict) and "fork_exit_waitpid" in val:
            parts.append(f"{key}: fork {fmt_ms(val['fork_exit_waitpid']['median_ms'])} at RSS {val['rss_at_fork_mb']} MB")
    if "first_fork_ms" in res:
        parts.append(f"first fork {fmt_ms(res['first_fork_ms'])}")
    if res.get("children_nonzero"):
        parts.append(f"CHILDREN EXITING NON-ZERO {res['children_nonzero']}")
    if res.get("spawn_nonzero_statuses"):
        parts.append(f"SPAWNED CHILDREN EXITING NON-ZERO {res['spawn_nonzero_statuses']}")
    return ", ".join(parts)


# (row id, label, job, key path in the workload's JSON) -> milliseconds
ROW_SPECS = [
    ("spawn", "1. `os.posix_spawn('/bin/true')` + `waitpid`", "spawn", ("posix_spawn_waitpid", "median_ms")),
    ("run_default", "2a. `subprocess.run(['/bin/true'])` (default close_fds=True)", "spawn",
     ("run_close_fds_true", "median_ms")),
    ("run_no_close_fds", "2b. `subprocess.run(['/bin/true'], close_fds=False)`", "spawn",
     ("run_close_fds_false", "median_ms")),
    ("fork", "3. `os.fork()` + child `os._exit(0)` + `waitpid` (warm)", "fork", ("fork_exit_waitpid", "median_ms")),
    ("first_fork", "3'. first fork of the process (one call, incl. one-time preparation)", "fork", ("first_fork_ms",)),
    ("heap100", "4a. fork+_exit+waitpid, parent holds ~100 MB live data", "fork",
     ("heap100", "fork_exit_waitpid", "median_ms")),
    ("heap1024", "4b. fork+_exit+waitpid, parent holds ~1 GB live data", "fork",
     ("heap1024", "fork_exit_waitpid", "median_ms")),
]


def dig(d, path):
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def build_rows(results):
    rows = []
    for row_id, label, job, path in ROW_SPECS:
        cells = {}
        for name in ("CPython", "graalpy-os"):
            r = results.get((job, name))
            value = dig(r["ok"], path) if r and r["ok"] else None
            if value is not None:
                cells[name] = (fmt_ms(value), value)
            elif r is None:
                cells[name] = ("not run", None)
            else:
                cells[name] = ("FAILED: " + (r["error"] or "no result"), None)
        rows.append(make_row(row_id, label, cells, "ms"))
    for key, label in (("pass", "5a. start-up `-c pass`"), ("import", "5b. start-up `-c 'import os, subprocess, threading'`")):
        wall_cells, rss_cells = {}, {}
        for name in ("CPython", "graalpy-os"):
            r = results.get(("startup_" + key, name))
            if r is None or "error" in r or not r["wall_s"]:
                err = "not run" if r is None else "FAILED: " + r.get("error", "no runs")
                wall_cells[name] = rss_cells[name] = (err, None)
            else:
                w = median(r["wall_s"])
                wall_cells[name] = (f"{w:.3f} s", w)
                if r["rss_mb"]:
                    m = median(r["rss_mb"])
                    rss_cells[name] = (f"{m:.0f} MB", m)
                else:
                    rss_cells[name] = ("n/a", None)
        rows.append(make_row("startup_" + key, label + " wall", wall_cells, "s"))
        rows.append(make_row("startup_rss_" + key, label + " peak RSS", rss_cells, "MB"))
    return rows


def make_row(row_id, label, cells, unit):
    c, g = cells["CPython"][1], cells["graalpy-os"][1]
    ratio = g / c if c and g is not None else None
    goal = GOALS.get(row_id)
    if goal is None:
        goal_text, met = "—", "—"
    else:
        goal_text = f"≤ {goal:g}×"
        met = "n/a (failed)" if ratio is None else ("**met**" if ratio <= goal else "not met")
    return {"id": row_id, "label": label, "cpython": cells["CPython"][0], "graalpy": cells["graalpy-os"][0],
            "ratio": fmt_ratio(ratio), "goal": goal_text, "met": met}


def print_table(rows):
    print()
    w = max(len(r["label"]) for r in rows)
    print(f"{'measurement':<{w}}  {'CPython':>12}  {'graalpy-os':>12}  {'ratio':>7}  {'goal':>7}  met")
    for r in rows:
        print(f"{r['label']:<{w}}  {r['cpython'][:12]:>12}  {r['graalpy'][:12]:>12}  {r['ratio']:>7}  {r['goal']:>7}  "
              f"{r['met'].replace('*', '')}")
    failed = [r for r in rows if r["cpython"].startswith("FAILED") or r["graalpy"].startswith("FAILED")]
    for r in failed:
        for name, cell in (("CPython", r["cpython"]), ("graalpy-os", r["graalpy"])):
            if cell.startswith("FAILED"):
                print(f"  {r['label']}: {name} {cell}")
    print()


def details(results, jobs):
    out = []
    for job, script, args in jobs:
        for name in ("CPython", "graalpy-os"):
            r = results.get((job, name))
            if r is None:
                continue
            prefix = f"- `{script} {args}` on {name}: "
            res = r["ok"] or {}
            bits = ["**FAILED** — " + r["error"]] if r["error"] else []
            for key, val in res.items():
                if isinstance(val, dict) and "batches_ms" in val:
                    bits.append(f"{key}: n={val['n']} × {val['batches']} batches after {val['warmup']} warm-up calls, "
                                f"per-call ms {val['batches_ms']}")
                elif isinstance(val, dict) and "fork_exit_waitpid" in val:
                    f = val["fork_exit_waitpid"]
                    bits.append(f"{key}: {val['live_mb']} MB live (grown in {val['grow_s']} s), parent VmRSS "
                                f"{val['rss_at_fork_mb']} MB at fork, first fork at this size "
                                f"{fmt_ms(val['first_fork_at_size_ms'])}, n={f['n']} × {f['batches']} batches after "
                                f"{f['warmup']} warm-up, per-call ms {f['batches_ms']}")
            if "use_posix_spawn" in res:
                bits.append(f"subprocess._USE_POSIX_SPAWN={res['use_posix_spawn']}")
            if "hwm_mb" in res:
                bits.append(f"parent VmHWM {res['hwm_mb']} MB")
            if "forks" in res:
                bad = res.get("children_nonzero") or {}
                bits.append(f"{res['forks']} forks, " + (f"**children exiting non-zero (status: count) {bad}**" if bad
                                                            else "all children exited 0"))
            if res.get("spawn_nonzero_statuses"):
                bits.append(f"**{res['spawn_nonzero_statuses']} spawned children exited non-zero**")
            if r.get("stderr"):
                bits.append(f"stderr: `{r['stderr']}`")
            if "wall_s" in r:
                bits.append(f"process wall {r['wall_s']:.1f} s")
            out.append(prefix + "; ".join(bits))
    return out


def busy(info):
    try:
        return max(float(info["load_start"].split()[0]), float(info["load_end"].split()[0])) > info["nproc"]
    except (ValueError, IndexError, TypeError):
        return False


def fork_table(results):
    """Markdown: each Python parent's fork against the C parent's at the same RSS."""
    lines = ["| Parent | RSS at fork | fork+_exit+waitpid, median (min–max) | C parent at that RSS | Ratio to C |",
             "|---|---:|---:|---:|---:|"]
    for name, what, rss, m in fork_points(results):
        med, lo, hi = spread(m)
        stage = c_stage(results, rss)
        c = spread(stage["fork_exit_waitpid"]) if stage else None
        lines.append(f"| {name}, {what} | {rss:.0f} MB | {fmt_ms(med)} ({lo:.2f}–{hi:.2f}) | "
                     + (f"{fmt_ms(c[0])} ({c[1]:.2f}–{c[2]:.2f}) | {fmt_ratio(med / c[0])} |" if c else "— | — |"))
    r = results.get(("fork_c", "C"))
    if r and r["error"]:
        lines.append(f"\nThe C parent: **FAILED** — {r['error']}")
    return lines


def c_details(results, args):
    r = results.get(("fork_c", "C"))
    if not r:
        return []
    res = r["ok"] or {}
    bits = ["**FAILED** — " + r["error"]] if r["error"] else []
    for st in res.get("sizes", []):
        f = st["fork_exit_waitpid"]
        bits.append(f"{st['size_mb']:.0f} MB: VmRSS {st['rss_at_fork_mb']} MB at fork (grown in {st['grow_s']} s), "
                    f"n={f['n']} × {f['batches']} batches after {f['warmup']} warm-up, per-call ms {f['batches_ms']}")
    if "forks" in res:
        bits.append(f"{res['forks']} forks, " + (f"**{res['children_nonzero']} children exiting non-zero**"
                                                 if res["children_nonzero"] else "all children exited 0"))
    return [f"- `fork_c.c {args}` ({res.get('impl', 'gcc -O2')}): " + "; ".join(bits)]


def write_results(mode_name, info, rows, results, jobs, s_lines, s_interps, picture, note):
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    impls = {name: r["ok"].get("impl") for (job, name), r in results.items() if r.get("ok")}
    lines = [
        "# graalpy-os vs CPython: process creation",
        "",
        f"Generated by `bench/run{' --quick' if mode_name == 'quick' else ''}` on {now} ({mode_name} mode, "
        f"{elapsed():.0f} s). Regenerated on every run; not part of the unit tests.",
        "",
        f"- Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} RAM, Linux {info['kernel']}; "
        f"load average {info['load_start']} at start, {info['load_end']} at end",
        f"- JDK: {info['java']} (`{info['java_home']}`)" + (f"; GRAALPY_OS_JAVA_OPTS=`{info['java_opts']}`"
                                                            if info["java_opts"] else ""),
        f"- CPython: {info['cpython']}",
        f"- graalpy-os: {impls.get('graalpy-os', 'n/a (no workload succeeded)')}; git {info['git']}",
        "",
        *(["**The machine was busy (load average above its CPU count) during this run: absolute times are inflated "
            "and noisy; compare ratios with care.**", ""] if busy(info) else []),
        *([f"Note: {note}", ""] if note else []),
        "Ratios are graalpy-os / CPython (lower is better). Times are the median per call over the batches, "
        "after a warm-up, inside one interpreter process; start-up is the median over separate processes.",
        "",
        "| Measurement | CPython | graalpy-os | Ratio | Goal | Goal met |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(f"| {r['label']} | {r['cpython']} | {r['graalpy']} | {r['ratio']} | {r['goal']} | {r['met']} |")
    lines += ["", "## Fork against the parent's RSS", ""]
    if picture:
        lines += ["![fork+_exit+waitpid against the parent's RSS for CPython, graalpy-os and C; spawn latencies]"
                  "(results.png)", "",
                  "Left: fork+_exit+waitpid per call against the parent's VmRSS at fork (log-log; median, bars min–max "
                  "of the batches). Right: the spawn measurements 1, 2a, 2b. Drawn by `bench/plot.py` (matplotlib).", ""]
    else:
        lines += ["(No picture this run: see bench/run's output.)", ""]
    lines += ["The C parent (`workloads/fork_c.c`, gcc -O2) grows its heap to the RSS each Python parent had at its "
              "fork and measures the same way: the cost of the kernel's fork of that much memory, without an "
              "interpreter.", ""] + fork_table(results)
    lines += ["", "## Start-up", "", "Median over separate processes, run interleaved; in parentheses the ratio to "
              "CPython (docs/startup.md: the AOT cache).", ""] + s_lines
    lines += ["", "## Details", ""] + details(results, jobs) + c_details(results, MODES[mode_name]["fork_c"]) \
        + startup_details(results, s_interps) + [
        "",
        "## Method",
        "",
        "- Each workload in `bench/workloads/` runs once per interpreter (same arguments for both), warms up, then times "
        "N calls per batch; the table shows the median of the per-batch per-call times.",
        "- Fork workloads count children whose exit status is not 0 (71/73 would mean a forked JVM child needed a GC or "
        "a VM operation it cannot run).",
        "- Measurement 4 grows one list of 64 KiB `bytes` objects (non-zero data, every page written) in the process "
        "that measured 3, to ~100 MB then ~1 GB, and forks at each size; each size's first fork is excluded too.",
        "- The per-measurement batch size n adapts to a time cap (so a slow interpreter runs fewer calls per batch); "
        "n is listed in the details.",
        "- Start-up: wall time measured by the driver around the process; peak RSS from `/usr/bin/time -v` "
        "(for graalpy-os the launcher script execs java, so it is the JVM's RSS).",
        "- Goals (from the issues): posix_spawn+waitpid ≤ 1.5×, subprocess.run ≤ 2× after warm-up, "
        "fork+_exit+waitpid ≤ 3×.",
        f"- Full stderr of every run: `bench/last-run.log`.",
        "",
    ]
    with open(RESULTS, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
