"""graalpy-os: CPython 3.12's process-creation API for GraalPy.

install() runs once per context, before user code, and puts the functions and constants of the
submodules into ``posix`` and ``os`` (and their ``__all__``), as CPython's posixmodule exports them.
What guards process creation (fork_exec, os.system, os.fork, the at-fork hooks) is
installed at once; the submodules that only export functions and constants (_LAZY_EXPORTS) are
imported when the program first uses one of their names, through ``__getattr__`` of ``os`` and
``posix`` (PEP 562): each costs start-up time in GraalPy's interpreter (docs/startup.md).
"""

# submodule -> (names it exports to posix and os, names it exports to os only); kept equal to the
# submodules' exports() (EmbeddingTest.exportOnlyModulesLoadOnFirstUseAndExportWhatTheyList)
_LAZY_EXPORTS = {
    "confstr": (("confstr", "confstr_names"), ()),
    "fileops": (("lockf",), ()),
    "sched": (("sched_getparam", "sched_param", "sched_setparam", "sched_setscheduler", "sched_rr_get_interval",
               "sched_getaffinity", "sched_setaffinity"), ()),
    "fileio": (("pwrite", "readv", "preadv", "writev", "pwritev", "sendfile", "copy_file_range", "splice",
                "eventfd_read", "eventfd_write", "ttyname", "device_encoding"), ()),
    "paths": (("chroot", "mkfifo", "mknod", "major", "minor", "makedev", "fpathconf", "pathconf", "pathconf_names",
               "getxattr", "setxattr", "removexattr", "listxattr"), ()),
    "times_": (("times", "times_result"), ()),
    "wait": (("CLD_CONTINUED", "CLD_DUMPED", "CLD_EXITED", "CLD_KILLED", "CLD_STOPPED", "CLD_TRAPPED",
              "P_ALL", "P_PGID", "P_PID", "P_PIDFD", "WCONTINUED", "WEXITED", "WNOHANG", "WNOWAIT",
              "WSTOPPED", "WUNTRACED", "wait", "wait3", "wait4", "waitid", "waitid_result", "waitpid",
              "WCOREDUMP", "WEXITSTATUS", "WIFCONTINUED", "WIFEXITED", "WIFSIGNALED", "WIFSTOPPED", "WSTOPSIG",
              "WTERMSIG", "waitstatus_to_exitcode"), ()),
    "spawn": (("POSIX_SPAWN_CLOSE", "POSIX_SPAWN_CLOSEFROM", "POSIX_SPAWN_DUP2", "POSIX_SPAWN_OPEN",
               "posix_spawn", "posix_spawnp"), ()),
    "users": (("getlogin",), ()),
    "signal_": (("kill",), ()),
    "spawnv": ((), ("spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe",
                    "P_NOWAIT", "P_NOWAITO", "P_WAIT")),
}
# the wrappers generated from the functions declared in Java for posix (their names come from Java)
_DECLARED_POSIX = "_declared.posix"


def install(native, options=""):
    """options: space-separated words from the host; "no_fork" leaves os.fork out."""
    import os
    import posix

    from . import _native

    _native.set(native)
    from . import after_import, atexit_, audit, credentials, exec_, fork, fork_exec, lock_reinit, native_id, system

    audit.install()
    atexit_.install()
    lock_reinit.install()
    native_id.install()

    fork_enabled = "no_fork" not in options.split()
    # exec_ at once: os.py's own execl*/execvp* call execv/execve as globals of os, which a module
    # __getattr__ does not provide
    for module in (fork, credentials, exec_):
        _export_to_posix(os, posix, module.exports(fork_enabled) if module is fork else module.exports())
    import _posixsubprocess

    graalpy_fork_exec = _posixsubprocess.fork_exec
    # GraalPy's own, which ask no policy: Java holds them, Python keeps no reference
    _native.builtins.hold_graalpy_process_creators(graalpy_fork_exec, posix.system)
    fork_exec.install(graalpy_fork_exec, fork_enabled)
    system.install()
    del graalpy_fork_exec
    after_import.register("multiprocessing.context", _patch_with("multiprocessing_"))
    after_import.register("multiprocessing.forkserver", _patch_with("forkserver"))
    after_import.register("multiprocessing.managers", _patch_with("managers_"))
    after_import.register("multiprocessing.resource_tracker", _patch_with("resource_tracker_"))
    after_import.register("pty", _patch_with("pty_"))
    after_import.register("socket", _patch_with("socket_"))
    after_import.register("_posixshmem", _patch_with("posixshmem"))
    after_import.register("resource", _patch_with("resource_"))
    after_import.register("grp", _patch_with("grp_"))
    after_import.register("syslog", _patch_with("syslog_"))
    after_import.register("fcntl", _patch_with("fcntl_"))
    after_import.register("_ssl", _patch_with("ssl_"))
    after_import.register("mmap", _patch_with("mmap_"))
    after_import.register("time", _patch_with("time_"))
    after_import.register_before("signal", _install_signal_names)
    after_import.register("select", _patch_with("select_"))
    after_import.register("time", _patch_with("sleep_"))
    _install_declared_modules(after_import)
    after_import.register("errno", _patch_errno)
    _install_lazy_exports(os, posix)


def _install_signal_names():
    from . import signal_

    signal_.install()


def _patch_errno(errno):
    """errorcode names 95 as CPython's does: its table adds ENOTSUP after EOPNOTSUPP."""
    errno.errorcode[errno.ENOTSUP] = "ENOTSUP"


# C modules GraalPy imports at start-up whose declared names a shim puts in when their Python
# module is first imported (signal_ for _signal): none at start-up
_NAMES_FROM_SHIMS = frozenset(("_signal",))


def _install_declared_modules(after_import):
    """Each module with functions declared in Java gets them when it is first imported; one that
    GraalPy lacks (grp) is made, empty, by a finder after all of GraalPy's, then gets them."""
    import sys

    from . import _native

    names = _native.builtins.declared_modules().split("\0")[:-1]
    for name in names:
        if name not in _NAMES_FROM_SHIMS and _native.builtins.declared_exports(name):  # not those whose functions are all a shim's (grp)
            after_import.register(name, _add_declared)
    sys.meta_path.append(_MissingModuleFinder(frozenset(names)))


def _add_declared(module):
    import importlib

    declared = importlib.import_module("graalpy_os._declared." + module.__name__)
    for name in declared.EXPORTS:
        setattr(module, name, getattr(declared, name))


class _MissingModuleFinder:
    """Finds a module GraalPy lacks that graalpy-os provides, as an empty built-in-like module."""

    def __init__(self, names):
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.names:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(fullname, self, origin="built-in")

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

    def invalidate_caches(self):
        pass


def _install_lazy_exports(os, posix):
    from . import _native

    to_posix = {name: module for module, (names, _) in _LAZY_EXPORTS.items() for name in names}
    declared = _native.builtins.declared_exports("posix")
    to_posix.update((name, _DECLARED_POSIX) for name in declared.split("\0")[:-1])
    to_os = {name: module for module, (_, names) in _LAZY_EXPORTS.items() for name in names}
    for name in to_posix:
        posix.__dict__.pop(name, None)  # GraalPy's own (waitpid, W*) give way to ours
    for name in (*to_posix, *to_os):
        os.__dict__.pop(name, None)
        if name not in os.__all__:
            os.__all__.append(name)
    posix.__getattr__ = _lazy_getattr(os, posix, posix, to_posix)
    posix.__dir__ = _lazy_dir(posix, to_posix)
    os.__getattr__ = _lazy_getattr(os, posix, os, {**to_posix, **to_os})
    os.__dir__ = _lazy_dir(os, {**to_posix, **to_os})


def _lazy_getattr(os, posix, target, lazy_names):
    def __getattr__(name):
        module_name = lazy_names.get(name)
        if module_name is None:
            raise AttributeError(f"module '{target.__name__}' has no attribute '{name}'")
        _load_exports(os, posix, module_name)
        try:
            return target.__dict__[name]
        except KeyError:  # listed, but this machine lacks it (POSIX_SPAWN_CLOSEFROM without closefrom)
            raise AttributeError(f"module '{target.__name__}' has no attribute '{name}'") from None

    return __getattr__


def _lazy_dir(target, lazy_names):
    def __dir__():
        return sorted(set(target.__dict__) | set(lazy_names))

    return __dir__


def _load_exports(os, posix, module_name):
    import importlib

    module = importlib.import_module("." + module_name, __name__)
    if module_name == "spawnv":
        for name, value in _spawnv_exports(module).items():
            setattr(os, name, value)
    elif module_name == _DECLARED_POSIX:
        _export_to_posix(os, posix, {name: getattr(module, name) for name in module.EXPORTS})
    else:
        _export_to_posix(os, posix, module.exports())


def _spawnv_exports(spawnv):
    """os.spawn* (os.py functions in CPython, not builtins) and os.P_*."""
    exports = spawnv.exports()
    for value in exports.values():
        value.__module__ = "os"
    return {**exports, **spawnv.constants()}


def _export_to_posix(os, posix, exports):
    for name, value in exports.items():
        value = _as_builtin(value)
        setattr(posix, name, value)
        setattr(os, name, value)
        if name not in os.__all__:
            os.__all__.append(name)


def _patch_with(module_name):
    """A patch for after_import that imports our submodule doing it only when it is needed."""

    def patch(module):
        import importlib

        importlib.import_module("." + module_name, __name__).patch(module)

    return patch


def _as_builtin(value, module="posix"):
    """A module function of ours behaves like a C builtin: stored on a class it does not bind
    `self` (CPython's test_posix stores os.posix_spawn as a class attribute, selectors
    select.select and select.poll)."""
    import types

    if isinstance(value, types.FunctionType):
        value.__module__ = module
        method = staticmethod(value)
        signature = getattr(value, "__text_signature__", None)
        if signature is not None:
            method.__text_signature__ = signature
        return method
    return value
