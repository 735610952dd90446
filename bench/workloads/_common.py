"""Shared by the workloads: runs under CPython and graalpy-os alike (stdlib only, no statistics)."""

import json
import os
import sys
import time


def params(**defaults):
    """key=value arguments from argv, typed like the defaults."""
    values = dict(defaults)
    for arg in sys.argv[1:]:
        key, _, value = arg.partition("=")
        values[key] = type(defaults[key])(value)
    return values


def median(values):
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def measure(fn, batches, max_n, max_warmup, cap_s):
    """Warm up (up to max_warmup calls or cap_s/4 s, at least 2 calls), then `batches` batches of n calls,
    n <= max_n chosen so the batches take about cap_s. Returns per-call ms of every batch and their median."""
    calls = 0
    t0 = time.perf_counter()
    while calls < 2 or (calls < max_warmup and time.perf_counter() - t0 < cap_s / 4):
        fn()
        calls += 1
    estimate = (time.perf_counter() - t0) / calls
    n = max(1, min(max_n, int(cap_s / (batches * estimate))))
    per_call = []
    for _ in range(batches):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        per_call.append((time.perf_counter() - t0) / n * 1e3)
    return {"median_ms": median(per_call), "batches_ms": [round(x, 4) for x in per_call],
            "n": n, "batches": batches, "warmup": calls}


def time_once(fn):
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3


def vm_status(field):
    """VmRSS / VmHWM of this process in MB, or None."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


class Forker:
    """fork + child os._exit(0) + waitpid; counts children whose exit status is not 0."""

    def __init__(self):
        self.bad = {}
        self.forks = 0

    def __call__(self):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        self.forks += 1
        if status != 0:
            code = str(os.waitstatus_to_exitcode(status))
            self.bad[code] = self.bad.get(code, 0) + 1

    def report(self):
        return {"forks": self.forks, "children_nonzero": dict(self.bad)}


def emit(result):
    """One JSON line; workloads re-emit the cumulative result after each stage, the driver keeps the last."""
    result["impl"] = sys.version.replace("\n", " ")
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
