"""_posixsubprocess.fork_exec with CPython 3.12's semantics where GraalPy 25.0.1's falls short.

GraalPy's fork_exec (subprocess.Popen's path when it does not use posix_spawn) raises
"RuntimeError: preexec_fn not supported" and ignores pgid_to_set, gid, extra_groups, uid and
child_umask. A call that uses none of them is what CPython does with vfork: here a posix_spawn
replaying CPython's child steps (org.graalpyos.subprocess.SubprocessSpawn), where GraalPy's own
forks the whole JVM from C (~40 ms a call); GraalPy's, which only Java holds, runs where the spawn
cannot reproduce the child, or fails, with the values the host's policy saw: then it reports the
child's error as CPython's child does. A call that uses any
of them is CPython's subprocess_fork_exec_impl: the
clinic's conversions, its checks and messages, gc disabled around a preexec_fn, then a fork of
the JVM (subprocess_fork: os.fork's machinery without its audit event, and with the at-fork hooks
and import lock only when preexec_fn is given, as PyOS_BeforeFork/AfterFork are there) and in the
child CPython's child_exec, planned once in the parent (org.graalpyos.subprocess.ChildPlan): the
native steps before preexec_fn (subprocess_child_setup), preexec_fn, then close_fds and the exec
loop (subprocess_child_exec: once the JVM's fds are closed no Python may run). A failure reaches
the parent through errpipe_write in the format subprocess.py parses, written by the builtins
(subprocess_child_fail for preexec_fn's), which then end the child with _exit(255): it never
returns into its caller's code.
"""

import os
import sys

from . import _codec, _native, fork
from ._convert import c_int, fs_converter, gid_t, uid_t
from .credentials import MAX_GROUPS

_ARGUMENT_COUNT = 23
_ID_UNCHANGED = 2**32 - 1
_INT_MAX = 2**31 - 1
_INT_MIN = -2**31
_INTS = {int}
_BYTES = {bytes}
# pgid_to_set, child_umask, groups, gid, uid: what a spawned child leaves as it is
_SPAWN_DEFAULTS = (-1, -1, "", -1, -1)
_PREEXEC_FAILED = "Exception occurred in preexec_fn."

_fork_enabled = True


def fork_exec(*args, **kwargs):
    """Spawn a fresh new child process.

    Fork a child process, close parent file descriptors as appropriate in the
    child and duplicate the few that are needed before calling exec() in the
    child process.

    If close_fds is True, close file descriptors 3 and higher, except those listed
    in the sorted tuple pass_fds.

    The preexec_fn, if supplied, will be called immediately before closing file
    descriptors and exec.

    WARNING: preexec_fn is NOT SAFE if your application uses threads.
             It may trigger infrequent, difficult to debug deadlocks.

    If an error occurs in the child process before the exec, it is
    serialized and written to the errpipe_write fd per subprocess.py.

    Returns: the child process's PID.

    Raises: Only on an error in the parent process."""
    if kwargs:
        raise TypeError("fork_exec() takes no keyword arguments")
    if len(args) != _ARGUMENT_COUNT:
        raise TypeError(f"fork_exec expected {_ARGUMENT_COUNT} arguments, got {len(args)}")
    pid = _plain_spawn(*args)
    if pid is not None:
        return pid
    feature = _feature_needing_fork(args)
    if feature is None:
        pid = _spawn(*args)
        if pid is not None:
            return pid
    elif not _fork_enabled:
        # GraalPy's would ignore it silently (run as root instead of user=, ...): refuse instead
        raise RuntimeError(f"{feature} not supported")
    return _fork_exec(*args)


def _plain_spawn(process_args, executable_list, close_fds, pass_fds, cwd, env_list, p2cread, p2cwrite, c2pread,
                 c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set,
                 gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork):
    """Popen's usual call: exact str, bytes, int and bool arguments that no conversion could
    reject, ASCII argv and cwd (their wire text is their fs-encoding), no feature needing a fork.
    Spawned at once (what _spawn does, in interpreted steps of about a microsecond each, took
    ~300 µs of a ~70 µs CPython fork_exec). The pid, or None for any other call."""
    if (preexec_fn is not None or gid is not None or extra_groups is not None or uid is not None
            or type(pgid_to_set) is not int or not _INT_MIN <= pgid_to_set < 0
            or type(child_umask) is not int or not _INT_MIN <= child_umask < 0
            or type(close_fds) is not bool or type(restore_signals) is not bool or type(call_setsid) is not bool
            or type(pass_fds) is not tuple or (type(process_args) is not list and type(process_args) is not tuple)):
        return None
    fds = (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write)
    if set(map(type, fds)) != _INTS or min(fds) < _INT_MIN or max(fds) > _INT_MAX or (close_fds and errpipe_write < 3):
        return None
    if pass_fds and (set(map(type, pass_fds)) != _INTS or list(pass_fds) != sorted(set(pass_fds))
                     or pass_fds[0] < 0 or pass_fds[-1] > _INT_MAX):
        return None
    if cwd is not None and (type(cwd) is not str or not cwd.isascii() or "\0" in cwd):
        return None
    try:
        argv = "\0".join(process_args)
    except TypeError:  # an item that is not a str
        return None
    if not argv.isascii() or argv.count("\0") != len(process_args) - 1:
        return None
    executables = _plain_items(executable_list)
    env = "" if env_list is None else _plain_items(env_list)
    if executables is None or env is None or _launcher_replaces(executable_list):
        return None
    return _native.builtins.subprocess_spawn(
        executables, argv + "\0", None if env_list is None else env, cwd, _codec.int_items(pass_fds),
        p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, close_fds,
        restore_signals, call_setsid, *_SPAWN_DEFAULTS)


def _plain_items(sequence):
    """A list or tuple of bytes without NUL as wire items (what _bytes_items would make of it), else None."""
    if type(sequence) is not list and type(sequence) is not tuple:
        return None
    if not sequence:
        return ""
    if set(map(type, sequence)) != _BYTES:
        return None
    joined = b"\0".join(sequence)
    return None if joined.count(b"\0") != len(sequence) - 1 else joined.decode("latin-1") + "\0"


def _feature_needing_fork(args):
    """The first Popen feature GraalPy's fork_exec lacks, or None."""
    pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn = args[16:22]
    if preexec_fn is not None:
        return "preexec_fn"
    try:
        if c_int(pgid_to_set) >= 0:
            return "process_group"
        if c_int(child_umask) >= 0:
            return "umask"
    except (TypeError, OverflowError):
        return "process_group"  # ours raises CPython's error for it
    if gid is not None:
        return "group"
    if extra_groups is not None:
        return "extra_groups"
    if uid is not None:
        return "user"
    return None


def _spawn(process_args, executable_list, close_fds, pass_fds, cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite,
           errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, *_):
    """The child by posix_spawn (or GraalPy's fork_exec, which subprocess_spawn calls where a spawn
    cannot reproduce the child): its pid, or None for arguments the fork path converts, in
    CPython's order and with its errors (but for the sequences of bytes, whose errors are raised
    here in CPython's order)."""
    try:
        fds = [c_int(fd) for fd in (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write)]
        if not isinstance(pass_fds, tuple) or not isinstance(process_args, (list, tuple)):
            return None
        fds_to_keep = _checked_fds_to_keep(pass_fds)
        close_fds = bool(close_fds)
        if close_fds and errpipe_write < 3:
            return None
    except (TypeError, ValueError, OverflowError):
        return None
    executables = _bytes_items(executable_list)
    try:
        argv = [fs_converter(arg) for arg in process_args]
    except (TypeError, ValueError):
        return None
    env = None if env_list is None else _bytes_items(env_list)
    try:
        cwd_bytes = None if cwd is None else fs_converter(cwd)
    except (TypeError, ValueError):
        return None
    executables, argv = _graalpy_launcher(executables, argv)
    return _native.builtins.subprocess_spawn(
        _codec.items(executables), _codec.items(argv), None if env is None else _codec.items(env),
        None if cwd_bytes is None else _codec.text(cwd_bytes), _codec.int_items(fds_to_keep), *fds, close_fds,
        bool(restore_signals), bool(call_setsid), *_SPAWN_DEFAULTS)


def _fork_exec(process_args, executable_list, close_fds, pass_fds, cwd, env_list,
               p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write,
               restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask,
               preexec_fn, allow_vfork):
    # the clinic's conversions, in parameter order
    close_fds = bool(close_fds)
    if not isinstance(pass_fds, tuple):
        raise TypeError(f"fork_exec() argument 4 must be tuple, not {type(pass_fds).__name__}")
    p2cread, p2cwrite, c2pread, c2pwrite = c_int(p2cread), c_int(p2cwrite), c_int(c2pread), c_int(c2pwrite)
    errread, errwrite = c_int(errread), c_int(errwrite)
    errpipe_read, errpipe_write = c_int(errpipe_read), c_int(errpipe_write)
    restore_signals = bool(restore_signals)
    call_setsid = bool(call_setsid)
    pgid_to_set = c_int(pgid_to_set)
    child_umask = c_int(child_umask)
    bool(allow_vfork)  # no vfork here: the JVM is forked

    if preexec_fn is not None and sys.is_finalizing():
        raise RuntimeError("preexec_fn not supported at interpreter shutdown")
    if close_fds and errpipe_write < 3:
        raise ValueError("errpipe_write must be >= 3")
    fds_to_keep = _checked_fds_to_keep(pass_fds)

    gc_was_enabled = preexec_fn is not None and _disable_gc()
    try:
        executables = _bytes_items(executable_list)
        argv = []
        if process_args is not None:
            argv = [fs_converter(arg) for arg in _sequence_fast(process_args, "argv must be a tuple")]
        env = None if env_list is None else _bytes_items(env_list)
        cwd_bytes = None if cwd is None else fs_converter(cwd)
        groups = []
        if extra_groups is not None:
            groups = _extra_groups(extra_groups)
        gid = _ID_UNCHANGED if gid is None else gid_t(gid)
        uid = _ID_UNCHANGED if uid is None else uid_t(uid)
        executables, argv = _graalpy_launcher(executables, argv)

        # subprocess_fork raises RuntimeError where this JVM cannot fork (ZGC, unreadable JVM state)
        plan = (_codec.items(executables), _codec.items(argv), None if env is None else _codec.items(env),
                None if cwd_bytes is None else _codec.text(cwd_bytes), _codec.int_items(fds_to_keep), p2cread, p2cwrite,
                c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, close_fds, restore_signals, call_setsid,
                pgid_to_set, child_umask, _codec.int_items(groups), gid, uid)
        return _fork(plan, preexec_fn)
    finally:
        if gc_was_enabled:
            import gc

            gc.enable()


def _fork(plan, preexec_fn):
    """do_fork_exec: PyOS_BeforeFork/AfterFork_Parent around the fork only for a preexec_fn; the
    plan (org.graalpyos.subprocess.ChildPlan) is what the host's policy sees and the child runs."""
    with_hooks = preexec_fn is not None
    if with_hooks:
        fork.before_fork()
    try:
        pid = _native.builtins.subprocess_fork(*plan)
    except BaseException:
        if with_hooks:
            fork.after_fork_parent()
        raise
    if pid == 0:
        _child(preexec_fn)
    if with_hooks:
        fork.after_fork_parent()
    return pid


def _child(preexec_fn):
    """The forked child: never returns, whatever happens. Each failure is reported on errpipe_write
    by the builtins, which then end the child: the setup's, preexec_fn's, the exec's."""
    builtins = _native.builtins
    try:
        try:
            if preexec_fn is not None:
                fork.after_fork_child()  # PyOS_AfterFork_Child
            builtins.subprocess_child_setup()
            if preexec_fn is not None:
                try:
                    preexec_fn()
                except BaseException:
                    builtins.subprocess_child_fail(_PREEXEC_FAILED)
            # closes the fds and execs: with the JVM's own fds closed, no Python code may run any more
            builtins.subprocess_child_exec()
        except BaseException as error:
            builtins.subprocess_child_fail(f"graalpy-os: the forked child failed before exec ({type(error).__name__})")
    finally:
        builtins.exit_process(255)


def _checked_fds_to_keep(pass_fds):
    """_sanity_check_python_fd_sequence: ints, each >= 0, ascending, at most INT_MAX."""
    previous = -1
    for fd in pass_fds:
        if not isinstance(fd, int) or fd < 0 or fd <= previous or fd > _INT_MAX:
            raise ValueError("bad value(s) in fds_to_keep")
        previous = fd
    return [int(fd) for fd in pass_fds]


def _disable_gc():
    """PyGC_Disable: the previous state."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    return enabled


def _sequence_fast(value, message):
    """PySequence_Fast: a list or tuple as is, another iterable as a list, else TypeError(message)."""
    if isinstance(value, (list, tuple)):
        return value
    try:
        return list(value)
    except TypeError:
        raise TypeError(message) from None


def _bytes_items(sequence):
    """_PySequence_BytesToCharpArray: a sequence of bytes, none with a NUL."""
    try:
        count = len(sequence)
    except TypeError:
        raise TypeError(f"object of type '{type(sequence).__name__}' has no len()") from None
    items = []
    for i in range(count):
        item = sequence[i]
        if not isinstance(item, bytes):
            raise TypeError(f"expected bytes, {type(item).__name__} found")
        if b"\0" in item:
            raise ValueError("embedded null byte")
        items.append(bytes(item))
    return items


def _extra_groups(extra_groups):
    if not isinstance(extra_groups, list):
        raise TypeError("setgroups argument must be a list")
    if len(extra_groups) > MAX_GROUPS:
        raise ValueError("too many extra_groups")
    groups = []
    for item in extra_groups:
        if not isinstance(item, int):
            raise TypeError("extra_groups must be integers")
        try:
            groups.append(gid_t(item))
        except (TypeError, OverflowError):
            raise ValueError("invalid group id") from None
    return groups


def _graalpy_launcher(executables, argv):
    """As GraalPy's fork_exec: sys.executable stands for GraalPy's launcher command line, which
    is longer than one word when Python is embedded (java ... ); argv[0] becomes that command."""
    launcher = _launcher_command()
    if launcher is None or len(executables) != 1 or executables[0] != launcher[0]:
        return executables, argv
    return [launcher[1][0]], launcher[1] + argv[1:]


def _launcher_replaces(executable_list):
    launcher = _launcher_command()
    return launcher is not None and len(executable_list) == 1 and executable_list[0] == launcher[0]


_launcher = (None, None)  # (sys.executable it was computed for, (fs-encoded sys.executable, command) or None)


def _launcher_command():
    """(fs-encoded sys.executable, the launcher's command words) when that command has more than one word, else None."""
    global _launcher
    executable = sys.executable
    if _launcher[0] is not executable:
        try:
            import __graalpython__

            words = [os.fsencode(word) for word in __graalpython__.executable_list]
            command = (os.fsencode(executable), words) if len(words) > 1 else None
        except Exception:
            command = None
        _launcher = (executable, command)
    return _launcher[1]


def install(graalpy_fork_exec, fork_enabled=True):
    """Replace GraalPy's _posixsubprocess.fork_exec, which Java holds from now on (and subprocess's
    copy, if already imported)."""
    global _fork_enabled
    import _posixsubprocess

    _fork_enabled = fork_enabled
    fork_exec.__module__ = "_posixsubprocess"
    _posixsubprocess.fork_exec = fork_exec
    subprocess = sys.modules.get("subprocess")
    if subprocess is not None and getattr(subprocess, "_fork_exec", None) is graalpy_fork_exec:
        subprocess._fork_exec = fork_exec
