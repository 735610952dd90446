"""Random malformed calls of the process-creation API, as Python expressions (see runner.py).

generate(seed, count) gives the same list for the same seed. Every case is harmless: the programs
are /bin/true, nonexistent paths, a directory or a non-executable file; OPEN file actions name
/dev/null or a path under a nonexistent directory; scheduler policies are never real-time; the
wait cases run where there are no children (runner.py reaps every child between cases).
"""

import random

PATHS = ["'/bin/true'", "b'/bin/true'", "PathLike('/bin/true')", "PathLike(b'/bin/true')",
         "'/nonexistent/prog'", "b'/nonexistent/prog'", "'true'", "'nonexistent-prog-fz'", "''", "b''",
         "'/bin/tr\\x00ue'", "b'/bin/tr\\x00ue'", "None", "3", "-1", "1.5", "['/bin/true']",
         "PathLike(3)", "PathLike(None)", "PathLike('/bin/\\x00')", "'/'", "'/etc/passwd'",
         "bytearray(b'/bin/true')", "'/bin/true\\udcff'", "object()", "PathLike(b'/bin/\\x00')",
         "memoryview(b'/bin/true')", "'/bin/true/'", "'/bin/../bin/true'", "PathLike(PathLike('/bin/true'))"]
GOOD_PATHS = ["'/bin/true'", "b'/bin/true'", "'/nonexistent/prog'", "'true'"]

ARGVS = ["['true']", "('true', 'a', b'b')", "[b'true']", "['true', PathLike('x')]", "[]", "()", "['']",
         "[b'']", "'true'", "b'true'", "None", "['a\\x00b']", "[1]", "[None]", "{'a': 1}",
         "iter(['true'])", "['true', 'x\\x00']", "[PathLike(1)]", "[PathLike('')]", "['true', 2**70]",
         "['\\udcff']", "[bytearray(b'x')]", "[object()]", "range(3)",
         "ListOf(['true'])", "TupleOf(('true',))", "['true'] * 50", "[PathLike(b'a\\x00')]", "[b'true', 'x', PathLike(b'y')]",
         "['true', '']", "['tru\\xe9']", "['true', 'x\\udcff']", "('true', 'a', 'b')"]
GOOD_ARGVS = ["['true']", "('true', 'a')"]

ENVS = ["{}", "os.environ", "{'A': 'B'}", "{b'A': b'B'}", "{'A': b'B'}", "None", "[]", "[('A', 'B')]", "()", "'AB'", "5",
        "NoKeys()", "RaisingKeys()", "Keys(['A'], ['B'])", "Keys(('A',), ('B',))", "Keys(5, ['B'])",
        "Keys(['A'], 5)", "Keys(['A', 'C'], ['B'])", "Keys(iter(['A']), iter(['B']))", "Keys(None, None)",
        "{1: 'a'}", "{'A': 1}", "{'A': None}", "{'A=B': 'c'}", "{'=A': 'c'}", "{'': 'x'}", "{'=': 'x'}",
        "{'A\\x00': 'x'}", "{'A': 'x\\x00'}", "{b'A=': b'x'}", "{PathLike('A'): 'x'}", "{'A': PathLike('B')}",
        "{'A': '='}", "{'\\udcff': 'x'}", "{(1,): 'x'}",
        "DictKeys({'A': 'B', 'C': 'D'}, ['A'])", "DictKeys({'A': 'B'}, ['A', 'C'])", "DictKeys({'A': 'B'}, 7)",
        "types.MappingProxyType({'A': 'B'})", "{'A': 'B', b'C': b'D', PathLike('E'): PathLike(b'F')}",
        "{'A' * 1000: 'B' * 10000}", "{b'\\xff': b'\\xff'}", "{'A': bytearray(b'B')}"]
GOOD_ENVS = ["{}", "{'A': 'B'}"]

INTS = ["0", "1", "-1", "2", "3", "9", "255", "256", "2**31 - 1", "2**31", "-2**31", "-2**31 - 1", "2**63",
        "2**64", "-2**70", "2**70", "True", "False", "1.5", "'1'", "None", "Index(7)", "Index(2**40)",
        "Index(1.0)", "RaisingIndex()", "[]", "b'1'", "object()", "(1,)"]
FDS = ["0", "1", "2", "3", "-1", "-2**31", "1000", "2**31", "2**70", "None", "'x'", "1.5", "Index(1)"]

OPEN, CLOSE, DUP2, CLOSEFROM = 0, 1, 2, 3
OPEN_PATHS = ["'/dev/null'", "b'/dev/null'", "PathLike('/dev/null')", "'/nonexistent/dir/f'", "'a\\x00'",
              "None", "1", "''"]
OFLAGS = ["os.O_RDONLY", "os.O_WRONLY", "os.O_RDWR", "os.O_DIRECTORY", "os.O_RDONLY | os.O_CLOEXEC", "-1",
          "2**31", "None", "'0'", "1.5"]
MODES = ["0", "0o644", "-1", "2**32", "2**64", "2**70", "None", "'0'", "1.5", "Index(0o600)"]

SIGNALS = ["signal.SIGUSR1", "signal.SIGCHLD", "signal.SIGKILL", "0", "-1", "32", "33", "34", "64", "65",
           "2**31", "2**70", "None", "'j'", "1.5", "Index(10)", "64"]
SIGSETS = ["()", "[]", "None", "34", "'j'", "b'\\x01'", "RaisingIter()", "range(1, 3)", "{signal.SIGUSR1}",
           "iter([signal.SIGUSR2])"]

SCHEDULERS = ["None", "()", "(None, os.sched_param(0))", "(os.SCHED_OTHER, os.sched_param(0))",
              "(os.SCHED_BATCH, os.sched_param(0))", "(os.SCHED_IDLE, os.sched_param(0))",
              "(os.SCHED_OTHER, os.sched_param(5))", "(None, 0)", "(None, None)", "(1, 2, 3)", "(None,)",
              "[None, os.sched_param(0)]", "(-1, os.sched_param(0))", "(2**40, os.sched_param(0))",
              "('x', os.sched_param(0))", "(None, os.sched_param(2**40))", "(None, os.sched_param('x'))",
              "(None, os.sched_param(-1))", "0", "'ab'"]
PGROUPS = ["0", "-1", "1", "999999", "None", "'023'", "2**31", "2**70", "1.5", "Index(0)", "True"]
BOOLS = ["True", "False", "0", "1", "None", "'x'", "''", "2**70", "1.5", "[]", "Falsy()", "Index(1)"]
UNKNOWN_KEYWORDS = ["foo=1", "path='/bin/true'", "argv=['true']", "env={}", "file_action=()", "setsigmasks=()"]

WAIT_OPTIONS = ["os.WNOHANG", "os.WNOHANG | os.WUNTRACED", "os.WNOHANG | os.WCONTINUED", "0", "-1", "2**31",
                "2**70", "None", "'1'", "1.5", "Index(1)", "os.WEXITED | os.WNOHANG", "0x40000000"]
WAITID_OPTIONS = ["os.WEXITED | os.WNOHANG", "os.WEXITED", "os.WSTOPPED | os.WNOHANG",
                  "os.WEXITED | os.WNOWAIT | os.WNOHANG", "0", "-1", "os.WNOHANG", "2**31", "None", "'4'", "1.5"]
IDTYPES = ["os.P_ALL", "os.P_PID", "os.P_PGID", "os.P_PIDFD", "-1", "99", "2**31", "None", "'0'", "1.5"]
PIDS = ["-1", "0", "1", "2", "999999", "-999999", "2**31", "-2**31 - 1", "2**70", "None", "'1'", "1.5",
        "Index(1)"]
STATUSES = INTS + ["0x7f", "0x137f", "0x0b", "0x8b", "0xffff", "0x1700", "0xff00", "0x100", "0x57f", "-256",
                   "0x13f", "0x7fff_ffff", "0x17f"]
W_HELPERS = ["WIFEXITED", "WEXITSTATUS", "WIFSIGNALED", "WTERMSIG", "WIFSTOPPED", "WSTOPSIG", "WIFCONTINUED",
             "WCOREDUMP"]

CALLABLES = ["Noop()", "dict", "lambda: None", "int"]
NOT_CALLABLES = ["None", "1", "'x'", "object()", "[]"]
HOOKS = ["before", "after_in_child", "after_in_parent"]

SPAWN_MODES = [("os.P_WAIT", False), ("os.P_NOWAIT", True), ("5", False), ("-1", False), ("None", False),
               ("'x'", False), ("1.0", True), ("True", True), ("os.P_NOWAITO", True)]
SPAWNV = ["spawnv", "spawnve", "spawnvp", "spawnvpe"]
SPAWNL = ["spawnl", "spawnle", "spawnlp", "spawnlpe"]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, values):
        return self.rng.choice(values)

    def mostly(self, good, pool, p_good=0.6):
        """A good value most of the time, so that the later checks are reached too."""
        return self.pick(good) if self.rng.random() < p_good else self.pick(pool)

    def case(self):
        family = self.rng.choices(["spawn", "wait", "status", "register", "spawnv"], [45, 12, 15, 10, 18])[0]
        expr, returns = getattr(self, family)()
        return {"family": family, "expr": expr, "returns": returns}

    def spawn(self):
        name = self.pick(["posix_spawn", "posix_spawnp"])
        positional = [self.mostly(GOOD_PATHS, PATHS), self.mostly(GOOD_ARGVS, ARGVS), self.mostly(GOOD_ENVS, ENVS)]
        if self.rng.random() < 0.08:
            positional = positional[:self.rng.randrange(3)] + ([] if self.rng.random() < 0.7 else ["None"])
        keywords = []
        for _ in range(self.rng.choice([0, 1, 1, 2, 3])):
            keywords.append(self.spawn_keyword())
        names = set()
        keywords = [k for k in keywords if not (k.split("=")[0] in names or names.add(k.split("=")[0]))]
        return "os.%s(%s)" % (name, ", ".join(positional + keywords)), "pid"

    def spawn_keyword(self):
        kind = self.rng.choices(["file_actions", "setpgroup", "resetids", "setsid", "setsigmask", "setsigdef",
                                 "scheduler", "unknown"], [40, 8, 6, 6, 10, 10, 12, 8])[0]
        if kind == "file_actions":
            return "file_actions=" + self.file_actions()
        if kind == "setpgroup":
            return "setpgroup=" + self.pick(PGROUPS)
        if kind in ("resetids", "setsid"):
            return kind + "=" + self.pick(BOOLS)
        if kind in ("setsigmask", "setsigdef"):
            return kind + "=" + self.sigset()
        if kind == "scheduler":
            return "scheduler=" + self.pick(SCHEDULERS)
        return self.pick(UNKNOWN_KEYWORDS)

    def sigset(self):
        if self.rng.random() < 0.3:
            return self.pick(SIGSETS)
        return "[%s]" % ", ".join(self.pick(SIGNALS) for _ in range(self.rng.randrange(1, 4)))

    def file_actions(self):
        roll = self.rng.random()
        if roll < 0.1:
            return self.pick(["None", "5", "'ab'", "RaisingIter()", "{}", "iter([])", "b''"])
        actions = [self.file_action() for _ in range(self.rng.randrange(1, 4))]
        if roll < 0.8:
            return "[%s]" % ", ".join(actions)
        return "(%s,)" % ", ".join(actions)

    def file_action(self):
        roll = self.rng.random()
        if roll < 0.1:
            return self.pick(["()", "[1, 0]", "None", "1", "'x'", "(None,)", "(2**70, 0)", "(4, 0)", "(-1, 0)",
                              "(1.5, 0)", "(Index(1), 0)", "(RaisingIndex(), 0)"])
        tag = self.pick([OPEN, OPEN, CLOSE, CLOSE, DUP2, DUP2, CLOSEFROM] if roll < 0.95 else ["os.POSIX_SPAWN_OPEN", "True"])
        if tag in (OPEN, "os.POSIX_SPAWN_OPEN"):
            items = [self.pick(FDS), self.pick(OPEN_PATHS), self.pick(OFLAGS), self.pick(MODES)]
            good = ["1", "'/dev/null'", "os.O_RDONLY", "0"]
            items = [item if self.rng.random() < 0.5 else g for item, g in zip(items, good)]
        elif tag == DUP2:
            items = [self.mostly(["1", "2"], FDS), self.mostly(["1", "0"], FDS)]
        else:
            items = [self.mostly(["0", "5"], FDS)]
        if self.rng.random() < 0.1:
            items = items[:-1] if self.rng.random() < 0.5 else items + ["0"]
        return "(%s)" % ", ".join([str(tag)] + items + ([""] if not items else []))

    def wait(self):
        name = self.pick(["wait", "waitpid", "wait3", "wait4", "waitid"])
        if name == "wait":
            args = self.pick([[], [], ["1"], ["options=1"]])
        elif name == "waitpid":
            args = [self.pick(PIDS), self.pick(WAIT_OPTIONS)]
            args = self.mangle(args, ["pid", "options"], keywords_allowed=False)
        elif name == "wait3":
            args = self.mangle([self.pick(WAIT_OPTIONS)], ["options"], keywords_allowed=True)
        elif name == "wait4":
            args = self.mangle([self.pick(PIDS), self.pick(WAIT_OPTIONS)], ["pid", "options"], keywords_allowed=True)
        else:
            args = [self.pick(IDTYPES), self.pick(PIDS + FDS), self.pick(WAITID_OPTIONS)]
            args = self.mangle(args, ["idtype", "id", "options"], keywords_allowed=False)
        return "os.%s(%s)" % (name, ", ".join(args)), "value"

    def mangle(self, args, names, keywords_allowed):
        """Sometimes by keyword, one argument too few or too many, or an unknown keyword."""
        roll = self.rng.random()
        if roll < 0.15:
            return ["%s=%s" % pair for pair in zip(names, args)]
        if roll < 0.25 and keywords_allowed:
            cut = self.rng.randrange(len(args))
            return args[:cut] + ["%s=%s" % pair for pair in list(zip(names, args))[cut:]]
        if roll < 0.32:
            return args[:-1]
        if roll < 0.39:
            return args + ["0"]
        if roll < 0.45:
            return args + ["bogus=1"]
        if roll < 0.5:
            return args + ["%s=%s" % (names[0], args[0])]
        return args

    def status(self):
        name = self.pick(W_HELPERS + ["waitstatus_to_exitcode"] * 3)
        args = self.mangle([self.pick(STATUSES)], ["status"], keywords_allowed=True)
        return "os.%s(%s)" % (name, ", ".join(args)), "value"

    def register(self):
        args = []
        for hook in HOOKS:
            if self.rng.random() < 0.4:
                args.append("%s=%s" % (hook, self.mostly(CALLABLES, NOT_CALLABLES, 0.5)))
        roll = self.rng.random()
        if roll < 0.15:
            args.insert(0, self.pick(CALLABLES))
        elif roll < 0.25:
            args.append(self.pick(["foo=1", "before_fork=None", "after=int"]))
        return "os.register_at_fork(%s)" % ", ".join(args), "value"

    def spawnv(self):
        mode, nowait = self.pick(SPAWN_MODES)
        name = self.pick(SPAWNV + SPAWNL)
        file = self.mostly(GOOD_PATHS, PATHS)
        env = self.mostly(GOOD_ENVS, ENVS, 0.5)
        if name in SPAWNV:
            args = [mode, file, self.mostly(GOOD_ARGVS, ARGVS)] + ([env] if name.endswith("e") else [])
        else:
            args = [mode, file] + ["'true'", self.pick(["'a'", "b'b'", "PathLike('c')", "1", "None", "'\\x00'"])][
                :self.rng.randrange(3)] + ([env] if name.endswith("e") else [])
        if self.rng.random() < 0.08:
            args = args[:self.rng.randrange(len(args))]
        return "os.%s(%s)" % (name, ", ".join(args)), "pid" if nowait else "value"


def generate(seed, count):
    generator = Generator(seed)
    return [dict(id=i, **generator.case()) for i in range(count)]
