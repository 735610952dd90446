"""Draws bench/results.png from the data bench/run passes (a JSON file), with matplotlib.

Run by bench/run under Debian's python3 (/usr/bin/python3, package python3-matplotlib), not the python3 that
runs bench/run (which may be another installation without matplotlib).

    /usr/bin/python3 bench/plot.py DATA.json OUT.png

DATA: {"fork": {series: [[rss_mb, median_ms, min_ms, max_ms], ...]},
       "spawn": {series: {measurement: [median_ms, min_ms, max_ms]}}, "measurements": [[key, label], ...],
       "title": str, "note": str}
Exit status 3 when matplotlib is not installed (bench/run then says how to install it).
"""

import json
import sys

try:
    import matplotlib
except ImportError:
    sys.exit(3)
matplotlib.use("Agg")  # no display: a file only
import matplotlib.pyplot as plt  # noqa: E402

STYLE = {"CPython": ("tab:blue", "o"), "graalpy-os": ("tab:orange", "s"), "C": ("tab:gray", "^")}


def error_bars(points):
    """medians and the distances down to min and up to max, as errorbar() takes them."""
    return [m for _, m, _, _ in points], [[m - lo for _, m, lo, _ in points], [hi - m for _, m, _, hi in points]]


def main(data_path, out_path):
    with open(data_path) as f:
        data = json.load(f)
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.2), gridspec_kw={"width_ratios": [3, 2]})

    for name, points in data["fork"].items():
        points = sorted(points)
        if not points:
            continue
        color, marker = STYLE.get(name, (None, "x"))
        medians, yerr = error_bars(points)
        left.errorbar([p[0] for p in points], medians, yerr=yerr, label=name, color=color, marker=marker,
                      capsize=3, linewidth=1.2)
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("parent's RSS at fork (MB, log scale)")
    left.set_ylabel("fork + _exit + waitpid (ms per call, log scale)")
    left.set_title("fork + _exit + waitpid against the parent's RSS")
    left.grid(True, which="both", alpha=0.3)
    left.legend(title="parent (median, bars: min-max of batches)", fontsize=9, title_fontsize=9)

    measurements = data["measurements"]
    series = [name for name in ("CPython", "graalpy-os") if name in data["spawn"]]
    width = 0.8 / max(len(series), 1)
    for i, name in enumerate(series):
        values = [data["spawn"][name].get(key) for key, _ in measurements]
        xs = [j + (i - (len(series) - 1) / 2) * width for j, v in enumerate(values) if v]
        points = [[0] + v for v in values if v]
        if not points:
            continue
        medians, yerr = error_bars(points)
        color, _ = STYLE[name]
        right.bar(xs, medians, width, yerr=yerr, capsize=3, label=name, color=color)
        for x, (_, m, _, hi) in zip(xs, points):  # the median above its bar's max
            right.text(x, hi, f"{m:.2f}", ha="center", va="bottom", fontsize=8)
    right.set_xticks(range(len(measurements)), [label for _, label in measurements], fontsize=9)
    right.set_ylabel("ms per call (median, bars: min-max of batches)")
    right.set_title("spawn latency")
    right.grid(True, axis="y", alpha=0.3)
    right.legend(fontsize=9)

    fig.suptitle(data["title"], fontsize=11)
    if data.get("note"):
        fig.text(0.5, 0.005, data["note"], ha="center", va="bottom", fontsize=8, wrap=True)
    fig.tight_layout(rect=(0, 0.04 if data.get("note") else 0, 1, 1))
    fig.savefig(out_path, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
