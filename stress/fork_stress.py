"""Fork and posix_spawn stress for graalpy-os (run by stress/run; bounded in count and time).

Each child writes its pid and a checksum to a pipe and _exits; the parent runs BUSY Python
threads that allocate and take locks meanwhile. Reports clean / retried / loud-failure / hung
children, lost output, zombies, and the parent's fd count, Java heap (after a full GC) and RSS
before and after.
"""
import gc
import hashlib
import os
import sys
import threading
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
from progress import Progress  # noqa: E402

FORKS = int(sys.argv[1])
SPAWNS = int(sys.argv[2])
BUSY = int(sys.argv[3])
DEADLINE = time.monotonic() + float(sys.argv[4])
CHILD_TIMEOUT = 120.0  # a fork under a load of 20+ has taken 100 s; a hang is what outlasts this
HEAP_GROWTH_LIMIT = 64 << 20  # bytes the parent's live heap may grow over the run before it counts as a leak
LOUD = {70: "recovery failed", 71: "needs GC", 73: "needs VM operation"}

warnings.simplefilter("ignore", DeprecationWarning)
stop = threading.Event()
lock = threading.Lock()


def busy():
    junk = []
    while not stop.is_set():
        with lock:
            junk.append(str(len(junk)) * 10)
        if len(junk) > 10000:
            junk.clear()


def fds():
    return len(os.listdir("/proc/self/fd"))


def reap(pid):
    """(wait status or None if it hung and was killed)."""
    end = time.monotonic() + CHILD_TIMEOUT
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.005)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return None


def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) << 10 for line in status if line.startswith("VmRSS:"))


def step_done(progress):
    """One line per tenth of a phase: [k/N forks] elapsed M:SS, ~M:SS left."""
    tag = progress.done()
    k = len(progress.finished)
    if k % max(1, len(progress.steps) // 10) == 0 or k == len(progress.steps):
        print(f"  {tag} {progress.times()}", flush=True)


threads = [threading.Thread(target=busy, daemon=True) for _ in range(BUSY)]
for t in threads:
    t.start()
# counted after the first fork: its preparation opens what it keeps open, and a file GraalPy leaves
# open at start-up closes at the first garbage collection (with the AOT cache none ran yet)
fds_before = None
from graalpy_os import _native  # noqa: E402  (retry counter of the fork protocol)

counts = {"clean": 0, "loud": 0, "hung": 0, "other": 0, "lost_output": 0}
loud_kinds = {}
t0 = time.monotonic()
done_forks = 0
progress = Progress(FORKS, "forks", deadline=DEADLINE)
for i in range(FORKS):
    if time.monotonic() > DEADLINE:
        break
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        payload = f"{os.getpid()}"
        os.write(w, f"{payload} {hashlib.sha256(payload.encode()).hexdigest()}".encode())
        os._exit(0)
    os.close(w)
    status = reap(pid)
    data = os.read(r, 200).decode()
    os.close(r)
    done_forks += 1
    if fds_before is None:
        gc.collect()
        fds_before = fds()
        heap_before, rss_before = _native.builtins.heap_after_gc(), rss()
    if status is None:
        counts["hung"] += 1
    elif os.WIFEXITED(status) and os.WEXITSTATUS(status) in LOUD:
        counts["loud"] += 1
        kind = LOUD[os.WEXITSTATUS(status)]
        loud_kinds[kind] = loud_kinds.get(kind, 0) + 1
    elif status == 0:
        got_pid, digest = (data.split() + ["", ""])[:2]
        if got_pid == str(pid) and digest == hashlib.sha256(got_pid.encode()).hexdigest():
            counts["clean"] += 1
        else:
            counts["lost_output"] += 1
    else:
        counts["other"] += 1
    step_done(progress)
fork_seconds = time.monotonic() - t0

t1 = time.monotonic()
spawn_ok = spawn_bad = done_spawns = 0
progress = Progress(SPAWNS, "posix_spawns", deadline=DEADLINE)
for i in range(SPAWNS):
    if time.monotonic() > DEADLINE:
        break
    r, w = os.pipe()
    pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo $$"], {}, file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
    os.close(w)
    out = os.read(r, 100).decode().strip()
    os.close(r)
    status = reap(pid)
    done_spawns += 1
    if status == 0 and out == str(pid):
        spawn_ok += 1
    else:
        spawn_bad += 1
    step_done(progress)
spawn_seconds = time.monotonic() - t1

stop.set()
zombies = 0
try:
    while os.waitpid(-1, os.WNOHANG)[0]:
        zombies += 1
except ChildProcessError:
    pass
gc.collect()
fds_after = fds()
heap_after, rss_after = _native.builtins.heap_after_gc(), rss()
print(f"forks: {done_forks} in {fork_seconds:.0f} s with {BUSY} busy Python threads: {counts['clean']} clean, "
      f"{int(_native.builtins.fork_retries())} retried before running Python, {counts['loud']} loud failures {loud_kinds}, "
      f"{counts['hung']} hung, {counts['lost_output']} lost output, {counts['other']} other")
print(f"posix_spawn: {done_spawns} in {spawn_seconds:.0f} s: {spawn_ok} ok, {spawn_bad} bad")
print(f"parent: fds {fds_before} -> {fds_after}, zombies left {zombies}, Java heap after GC "
      f"{heap_before >> 20} -> {heap_after >> 20} MB, RSS {rss_before >> 20} -> {rss_after >> 20} MB")
ok = counts["hung"] == 0 and counts["lost_output"] == 0 and counts["other"] == 0 and spawn_bad == 0 and zombies == 0 \
    and fds_after == fds_before and heap_after - heap_before < HEAP_GROWTH_LIMIT
print("stress:", "OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
