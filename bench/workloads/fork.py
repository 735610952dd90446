"""3. os.fork() + child os._exit(0) + os.waitpid per call (the process's first fork timed apart);
4. the same while the parent holds growing live data (a list of 64 KiB bytes objects): sizes in MB."""

import time

from _common import Forker, emit, measure, params, time_once, vm_status

p = params(batches=5, n=20, warmup=5, cap=15.0, sizes="100,1024", heap_cap=10.0)
CHUNK = 64 * 1024
fork = Forker()
result = {"rss_mb": vm_status("VmRSS"), "first_fork_ms": time_once(fork)}
result["rss_at_fork_mb"] = vm_status("VmRSS")  # after the first fork's one-time preparation, as the warm forks see it
result["fork_exit_waitpid"] = measure(fork, p["batches"], p["n"], p["warmup"], p["cap"])
result.update(fork.report())
emit(result)

data = []
for mb in [int(s) for s in p["sizes"].split(",") if s]:
    t0 = time.perf_counter()
    # b"x" * n writes every page (bytes(n) could stay untouched calloc'ed pages in CPython).
    while len(data) * CHUNK < mb * 1024 * 1024:
        data.append(bytes((len(data) & 0xFF,)) * CHUNK)
    stage = {"live_mb": len(data) * CHUNK // (1024 * 1024), "grow_s": round(time.perf_counter() - t0, 3),
             "rss_at_fork_mb": vm_status("VmRSS"), "first_fork_at_size_ms": time_once(fork)}
    stage["fork_exit_waitpid"] = measure(fork, p["batches"], p["n"], p["warmup"], p["heap_cap"])
    stage["rss_after_mb"] = vm_status("VmRSS")
    result[f"heap{mb}"] = stage
    result.update(fork.report())
    emit(result)
result["hwm_mb"] = vm_status("VmHWM")
emit(result)
