"""1. os.posix_spawn('/bin/true', ['true'], {}) + os.waitpid(pid, 0) per call;
2. subprocess.run(['/bin/true']) per call, default close_fds=True and close_fds=False."""

import os
import subprocess

from _common import emit, measure, params

p = params(batches=5, n=50, warmup=20, cap=10.0)
bad = []


def spawn_wait():
    pid = os.posix_spawn("/bin/true", ["true"], {})
    _, status = os.waitpid(pid, 0)
    if status != 0:
        bad.append(status)


def run_default():
    subprocess.run(["/bin/true"], check=True)


def run_no_close_fds():
    subprocess.run(["/bin/true"], close_fds=False, check=True)


result = {"use_posix_spawn": bool(getattr(subprocess, "_USE_POSIX_SPAWN", False))}
result["posix_spawn_waitpid"] = measure(spawn_wait, p["batches"], p["n"], p["warmup"], p["cap"])
result["spawn_nonzero_statuses"] = len(bad)
emit(result)
result["run_close_fds_true"] = measure(run_default, p["batches"], p["n"], p["warmup"], p["cap"])
emit(result)
result["run_close_fds_false"] = measure(run_no_close_fds, p["batches"], p["n"], p["warmup"], p["cap"])
emit(result)
