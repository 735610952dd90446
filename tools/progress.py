"""Progress of the long commands (bin/conformance, bench/run, stress/run): `[k/N unit]`, elapsed, ~left.

Stdlib only; runs under the host's python3 and under graalpy-os alike. The estimate of what is left: each step
not finished yet takes what it took in the previous run (a small JSON file {step: seconds}, when the caller
keeps one) scaled by this run's pace against that run, else the average of this run's finished steps; a step
still running counts what it has not used of that. With `parallel` > 1 the sum is divided by it (rough).
The JUnit tests have the same lines from tests' ProgressListener (Java).
"""

import json
import os
import threading
import time


def clock(seconds):
    """M:SS, or H:MM:SS from an hour on."""
    s = int(round(seconds))
    return "%d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60) if s >= 3600 else "%d:%02d" % (s // 60, s % 60)


class Progress:
    def __init__(self, steps, unit, history=None, parallel=1, deadline=None):
        """steps: the step names in order, or their number (steps then named 0..N-1); history: path of the
        durations file (absent or unreadable: no history); deadline: time.monotonic() by which the run stops
        anyway (caps the estimate)."""
        self.steps = list(range(steps)) if isinstance(steps, int) else list(steps)
        self.unit = unit
        self.history = history
        self.parallel = max(1, parallel)
        self.deadline = deadline
        self.previous = {}
        if history:
            try:
                with open(history, encoding="utf-8") as f:
                    self.previous = {k: float(v) for k, v in json.load(f).items()}
            except (OSError, ValueError, TypeError, AttributeError):
                self.previous = {}
        self.started = self.last_finish = time.monotonic()
        self.running = {}   # step -> monotonic start
        self.finished = {}  # step -> seconds
        self._lock = threading.Lock()

    def start(self, step=None):
        with self._lock:
            self.running[len(self.finished) + len(self.running) if step is None else step] = time.monotonic()

    def done(self, step=None, seconds=None):
        """Records step as finished (its own clock unless seconds is given); -> "[k/N unit]"."""
        with self._lock:
            name = len(self.finished) if step is None else step  # numbered steps finish in order
            now = time.monotonic()
            began = self.running.pop(name, None)
            if seconds is None:  # a step never started began when the one before it finished
                seconds = now - (began if began is not None else self.last_finish)
            self.finished[name] = seconds
            self.last_finish = now
            return "[%d/%d %s]" % (len(self.finished), len(self.steps), self.unit)

    def times(self):
        """"elapsed M:SS, ~M:SS left" (without the estimate while nothing is known and once all is done)."""
        with self._lock:
            return self._times()

    def _times(self):
        now = time.monotonic()
        text = "elapsed " + clock(now - self.started)
        left = self._left(now)
        return text if left is None else "%s, ~%s left" % (text, clock(left))

    def _left(self, now):
        known = [(s, self.previous[str(n)]) for n, s in self.finished.items() if self.previous.get(str(n))]
        pace = sum(s for s, _ in known) / sum(p for _, p in known) if known else 1.0
        average = sum(self.finished.values()) / len(self.finished) if self.finished else None
        if len(self.finished) >= len(self.steps):
            return None
        left = 0.0
        for name in self.steps:
            if name in self.finished:
                continue
            estimate = self.previous[str(name)] * pace if str(name) in self.previous else average
            if estimate is None:
                return None
            if name in self.running:
                estimate = max(estimate - (now - self.running[name]), 0.0)
            left += estimate
        left /= self.parallel
        if self.deadline is not None:
            left = min(left, max(self.deadline - now, 0.0))
        return left

    def save(self):
        """Writes the durations file: the previous run's with this run's on top. Errors are ignored (progress
        never fails a run)."""
        if not self.history:
            return
        with self._lock:
            merged = dict(self.previous)
            merged.update({str(n): round(s, 1) for n, s in self.finished.items()})
        tmp = "%s.%d.tmp" % (self.history, os.getpid())
        try:
            os.makedirs(os.path.dirname(self.history) or ".", exist_ok=True)
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(merged, f, indent=0, sort_keys=True)
            os.replace(tmp, self.history)
        except OSError:
            pass
