"""Differential fuzzing of the process-creation API: graalpy-os against CPython (python3).

usage: fuzz/run [--seed N]... [--cases N] [--python PYTHON] [--graalpy PATH] [--keep DIR]

Generates --cases random malformed calls from each --seed (cases.py), runs them all in one python3
process and in one bin/graalpy-os process (runner.py), and compares per case the exception type
and message, or the returned value, and the warnings. Differences listed in known-differences.txt
(CPython 3.11 here, 3.12 the spec) are reported apart. Exit status 0 only with no mismatch, no JVM
stack trace and no crash.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import cases as case_generator

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RUNNER = os.path.join(HERE, "runner.py")
KNOWN_DIFFERENCES = os.path.join(HERE, "known-differences.txt")
JVM_TRACE = re.compile(r"\bat (org|com\.oracle|java|jdk|sun)\.|\bjava\.[a-z]+\.[A-Za-z]+(Exception|Error)\b")
RUN_SECONDS = 600


class KnownDifference:
    """One line of known-differences.txt: name | case regex | CPython outcome regex | graalpy-os outcome regex | why."""

    def __init__(self, line):
        fields = [field.strip() for field in line.split(" | ")]
        if len(fields) != 5:
            raise ValueError("known-differences.txt: 5 fields separated by ' | ' expected: " + line)
        self.name, case, cpython, graalpy, self.reason = fields
        self.case, self.cpython, self.graalpy = re.compile(case), re.compile(cpython), re.compile(graalpy)

    def matches(self, case, cpython, graalpy):
        return (self.case.search(case["expr"]) is not None and self.cpython.search(describe(cpython)) is not None
                and self.graalpy.search(describe(graalpy)) is not None)


def load_known_differences():
    with open(KNOWN_DIFFERENCES) as f:
        return [KnownDifference(line.rstrip("\n")) for line in f if line.strip() and not line.startswith("#")]


def describe(result):
    """One line for an outcome, the text the known differences' regexes see."""
    if result is None:
        return "no result (the runner died)"
    if "skipped" in result:
        return "skipped: " + result["skipped"]
    if "raised" in result:
        text = "%s: %s" % (result["raised"], result["message"])
    elif result.get("returned") == "child":
        text = "child, wait status %s" % result["status"]
    else:
        text = "returned %s" % result["returned"]
    if result.get("warnings"):
        text += " + warnings %s" % result["warnings"]
    if result.get("reap"):
        text += " + " + result["reap"]
    return text


def classify(cpython, graalpy):
    if "raised" in cpython and "raised" in graalpy:
        return "exception type" if cpython["raised"] != graalpy["raised"] else "exception message"
    if "raised" in cpython or "raised" in graalpy:
        return "raised vs returned"
    if cpython.get("warnings") != graalpy.get("warnings"):
        return "warnings"
    return "returned value"


def comparable(result):
    return {key: value for key, value in result.items() if key not in ("id", "started")}


def run_interpreter(command, cases_path, results_path, log):
    """Runs the cases in as few processes as possible: after a crash, again from the next case."""
    crashes = []
    first = 0
    while True:
        try:
            completed = subprocess.run(command + [RUNNER, cases_path, results_path, str(first)],
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=RUN_SECONDS)
            output, code = completed.stdout.decode("utf-8", "replace"), completed.returncode
        except subprocess.TimeoutExpired as timeout:
            output, code = (timeout.stdout or b"").decode("utf-8", "replace"), "timeout"
        log.write(output)
        results = read_results(results_path)
        started = [i for i, r in results.items() if r is None and i >= first]
        if code == 0 and not started:
            return results, crashes
        crashed = started[0] if started else None
        crashes.append({"case": crashed, "exit": code, "output": output[-2000:]})
        if crashed is None:
            return results, crashes
        first = crashed + 1


def read_results(path):
    results = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                record = json.loads(line)
                results[record["id"]] = None if record.get("started") else record
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, action="append", help="repeatable; default 1")
    parser.add_argument("--cases", type=int, default=300, help="per seed")
    parser.add_argument("--python", default="python3", help="the reference CPython")
    parser.add_argument("--graalpy", default=os.path.join(ROOT, "bin", "graalpy-os"))
    parser.add_argument("--keep", help="a directory to keep the cases and both outcomes in")
    options = parser.parse_args()

    known = load_known_differences()
    seeds = options.seed or [1]
    cases = []
    for seed in seeds:
        for case in case_generator.generate(seed, options.cases):
            cases.append(dict(case, id=len(cases), seed=seed))
    with tempfile.TemporaryDirectory(prefix="graalpy-os-fuzz-") as temporary:
        work = options.keep or temporary
        os.makedirs(work, exist_ok=True)
        outcomes, logs, crashes = run_both(options, cases, work)
    return report(options, seeds, cases, known, outcomes, logs, crashes)


def run_both(options, cases, work):
    cases_path = os.path.join(work, "cases.json")
    with open(cases_path, "w") as f:
        json.dump(cases, f, indent=0)
    outcomes = {}
    logs = {}
    crashes = {}
    for name, command in (("cpython", [options.python]), ("graalpy-os", [options.graalpy])):
        results_path = os.path.join(work, name + ".jsonl")
        if os.path.exists(results_path):
            os.remove(results_path)
        log_path = os.path.join(work, name + ".log")
        with open(log_path, "w") as log:
            outcomes[name], crashes[name] = run_interpreter(command, cases_path, results_path, log)
        with open(log_path) as log:
            logs[name] = log.read()
    return outcomes, logs, crashes


def report(options, seeds, cases, known, outcomes, logs, crashes):
    matches, mismatches, documented, traces = 0, [], [], []
    for case in cases:
        cpython, graalpy = outcomes["cpython"].get(case["id"]), outcomes["graalpy-os"].get(case["id"])
        if graalpy is not None and JVM_TRACE.search(describe(graalpy)):
            traces.append((case, describe(graalpy)))
        if cpython is None or graalpy is None:
            continue
        if comparable(cpython) == comparable(graalpy):
            matches += 1
            continue
        difference = next((k for k in known if k.matches(case, cpython, graalpy)), None)
        if difference:
            documented.append((case, difference))
        else:
            mismatches.append((case, classify(cpython, graalpy), cpython, graalpy))
    traces += [(None, line) for line in logs["graalpy-os"].splitlines() if JVM_TRACE.search(line)]

    print("fuzz: seeds %s, %d cases each%s" % (", ".join(map(str, seeds)), options.cases,
                                               " (kept in %s)" % options.keep if options.keep else ""))
    print("cases tried: %d" % len(cases))
    print("matches: %d" % matches)
    print("documented version differences: %d" % len(documented))
    by_name = {}
    for case, difference in documented:
        by_name.setdefault(difference.name, []).append(case["id"])
    for name, ids in sorted(by_name.items()):
        reason = next(k.reason for k in known if k.name == name)
        print("  %s: %d (cases %s) -- %s" % (name, len(ids), ", ".join(map(str, ids[:8])), reason))
    print("mismatches: %d" % len(mismatches))
    for case, kind, cpython, graalpy in mismatches:
        print("  #%d [%s] %s" % (case["id"], kind, case["expr"]))
        print("      cpython:    %s" % describe(cpython))
        print("      graalpy-os: %s" % describe(graalpy))
    print("JVM stack traces: %d" % len(traces))
    for case, text in traces[:20]:
        print("  %s%s" % ("" if case is None else "#%d %s: " % (case["id"], case["expr"]), text[:300]))
    all_crashes = [(name, crash) for name, list_ in crashes.items() for crash in list_]
    print("crashes: %d" % len(all_crashes))
    for name, crash in all_crashes:
        expr = cases[crash["case"]]["expr"] if crash["case"] is not None else "?"
        print("  %s died in case #%s %s (exit %s): %s" % (name, crash["case"], expr, crash["exit"],
                                                         crash["output"].strip()[-500:]))
    return 0 if not mismatches and not traces and not all_crashes else 1


if __name__ == "__main__":
    sys.exit(main())
