"""os.spawnv/spawnve/spawnvp/spawnvpe/spawnl... over posix_spawn.

CPython's os.py defines these over fork+exec. Results stay CPython's: P_WAIT returns the exit
code (-signal when killed), P_NOWAIT returns the pid, and a program that cannot be executed
gives exit status 127: with P_NOWAIT that status comes from a stand-in child (/bin/sh exiting
127), since posix_spawn reports exec failures to the parent instead of creating a process. The audit
events are CPython's: "os.fork", then "os.exec" before each exec attempt (raised in CPython's
child, here in the parent); the before and after_in_parent at-fork hooks run around the attempts
as around CPython's fork (after_in_child ones would run in a child that only execs: they do not).
"""

import os
import sys

from . import fork
from .exec_ import environment_block
from .spawn import spawn_unaudited

P_WAIT = 0
P_NOWAIT = 1
P_NOWAITO = 1

_EXEC_FAILED = 127
# spawnv/spawnvp: CPython's child calls execv/execvp, which inherit os.environ (and audit env None)
_NO_ENV = object()


def _spawnvef(mode, file, args, env, search_path):
    if not isinstance(args, (tuple, list)):
        raise TypeError("argv must be a tuple or a list")
    if not args or not args[0]:
        raise ValueError("argv first element cannot be empty")
    sys.audit("os.fork")  # CPython's event for its fork; a veto raises here, before any process
    fork.before_fork()  # and the at-fork hooks of the parent's side of that fork
    try:
        # CPython's child calls exec*(file, args) when env is None, which spawnve's and spawnvpe's
        # execve/execvpe refuse (a missing argument): the child exits 127
        pid = None if env is None else _try_spawn(file, args, None if env is _NO_ENV else env, search_path)
    finally:
        fork.after_fork_parent()
    if pid is None:
        if mode == P_NOWAIT:
            return spawn_unaudited("/bin/sh", ["sh", "-c", f"exit {_EXEC_FAILED}"], {})
        return _EXEC_FAILED
    if mode == P_NOWAIT:
        return pid
    while True:
        _, status = os.waitpid(pid, 0)
        if os.WIFSTOPPED(status):
            continue
        return os.waitstatus_to_exitcode(status)


def _try_spawn(file, args, env, search_path):
    """The child's pid, or None where CPython's child would have exited 127: every exec failed, or
    an audit hook refused one of the "os.exec" events it raises before each attempt (with env None
    for spawnv/spawnvp, as execv raises it). The attempts are os._execvpe's: every directory of
    the search path in turn, whatever the error."""
    spawn_env = os.environ if env is None else env
    try:
        environment_block(spawn_env)
        if not search_path or os.path.dirname(os.fsencode(file)):
            candidates = [file]
        else:
            candidates = [os.path.join(os.fsencode(directory), os.fsencode(file))
                          for directory in os.get_exec_path(spawn_env)]
        for candidate in candidates:
            sys.audit("os.exec", candidate, args, env)
            try:
                return spawn_unaudited(candidate, args, spawn_env)
            except OSError:
                continue
        return None
    except Exception:  # the child's bare except before _exit(127)
        return None


def spawnv(mode, file, args):
    """spawnv(mode, file, args) -> integer

Execute file with arguments from args in a subprocess.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return _spawnvef(mode, file, args, _NO_ENV, False)


def spawnve(mode, file, args, env):
    """spawnve(mode, file, args, env) -> integer

Execute file with arguments from args in a subprocess with the
specified environment.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return _spawnvef(mode, file, args, env, False)


def spawnvp(mode, file, args):
    """spawnvp(mode, file, args) -> integer

Execute file (which is looked for along $PATH) with arguments from
args in a subprocess.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return _spawnvef(mode, file, args, _NO_ENV, True)


def spawnvpe(mode, file, args, env):
    """spawnvpe(mode, file, args, env) -> integer

Execute file (which is looked for along $PATH) with arguments from
args in a subprocess with the supplied environment.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return _spawnvef(mode, file, args, env, True)


def spawnl(mode, file, *args):
    """spawnl(mode, file, *args) -> integer

Execute file with arguments from args in a subprocess.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return spawnv(mode, file, args)


def spawnle(mode, file, *args):
    """spawnle(mode, file, *args, env) -> integer

Execute file with arguments from args in a subprocess with the
supplied environment.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    env = args[-1]
    return spawnve(mode, file, args[:-1], env)


def spawnlp(mode, file, *args):
    """spawnlp(mode, file, *args) -> integer

Execute file (which is looked for along $PATH) with arguments from
args in a subprocess with the supplied environment.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return spawnvp(mode, file, args)


def spawnlpe(mode, file, *args):
    """spawnlpe(mode, file, *args, env) -> integer

Execute file (which is looked for along $PATH) with arguments from
args in a subprocess with the supplied environment.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    env = args[-1]
    return spawnvpe(mode, file, args[:-1], env)


def exports():
    return {"spawnv": spawnv, "spawnve": spawnve, "spawnvp": spawnvp, "spawnvpe": spawnvpe, "spawnl": spawnl,
            "spawnle": spawnle, "spawnlp": spawnlp, "spawnlpe": spawnlpe}


def constants():
    return {"P_WAIT": P_WAIT, "P_NOWAIT": P_NOWAIT, "P_NOWAITO": P_NOWAITO}
