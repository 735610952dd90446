"""The POSIX surface compared: the public names of CPython's POSIX modules that the host's python3
has and graalpy-os lacks.

  python3 tools/surface.py [--reasons FILE] GRAALPY_OS   lists them, module by module; each name
      with a written reason (FILE: "module.name  reason" lines) is shown with it; exits 1 when a
      name without a reason is missing
  INTERPRETER tools/surface.py --names                  prints this interpreter's names (JSON)
"""

import json
import subprocess
import sys

MODULES = ("os", "posix", "signal", "fcntl", "select", "selectors", "grp", "pwd", "resource", "termios", "errno",
           "syslog", "time", "pty", "tty", "mmap", "_posixsubprocess", "socket")


def names():
    import importlib

    found = {}
    for module_name in MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            found[module_name] = None
            continue
        found[module_name] = sorted(name for name in dir(module) if not name.startswith("_") or module_name == "_posixsubprocess")
    return found


def interpreter_names(interpreter):
    output = subprocess.run([interpreter, __file__, "--names"], capture_output=True, text=True, timeout=300, check=True).stdout
    return json.loads(output)


def main(arguments):
    if arguments == ["--names"]:
        json.dump(names(), sys.stdout)
        return 0
    reasons = {}
    if arguments[:1] == ["--reasons"]:
        for line in open(arguments[1], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, _, reason = line.strip().partition(" ")
                reasons[name] = reason.strip()
        arguments = arguments[2:]
    reference, ours = names(), interpreter_names(arguments[0])
    unexplained = 0
    total = 0
    for module_name in MODULES:
        if reference[module_name] is None:
            continue
        if ours[module_name] is None:
            missing = reference[module_name]
            print(f"{module_name}: the module is missing ({len(missing)} names)")
        else:
            missing = sorted(set(reference[module_name]) - set(ours[module_name]))
        for name in missing:
            reason = reasons.get(f"{module_name}.{name}") or reasons.get(f"{module_name}.*")
            total += 1
            if reason is None:
                unexplained += 1
            print(f"  {module_name}.{name}" + (f"  ({reason})" if reason else ""))
    print(f"surface: {total} names missing against python3 {sys.version.split()[0]}, {unexplained} without a reason")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
