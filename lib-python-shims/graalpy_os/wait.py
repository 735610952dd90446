"""os.wait, wait3, wait4, waitpid, waitid and their constants, over wait4(2) and waitid(2).

The builtin retries EINTR (PEP 475) and raises OSError subclasses (ChildProcessError when there
is no child); arguments are converted here as CPython's clinic does.
"""

from . import _codec, _native
from ._clinic import keywords, legacy_keywords, no_arguments, one_argument, positional
from ._convert import c_int, format_int
from ._structseq import structseq

WNOHANG = 1
WUNTRACED = 2
WSTOPPED = 2
WEXITED = 4
WCONTINUED = 8
WNOWAIT = 0x01000000

P_ALL = 0
P_PID = 1
P_PGID = 2
P_PIDFD = 3

CLD_EXITED = 1
CLD_KILLED = 2
CLD_DUMPED = 3
CLD_TRAPPED = 4
CLD_STOPPED = 5
CLD_CONTINUED = 6

waitid_result = structseq("waitid_result", "posix", ("si_pid", "si_uid", "si_signo", "si_status", "si_code"),
                          "waitid_result: Result from waitid.\n\n"
                          "This object may be accessed either as a tuple of\n"
                          "  (si_pid, si_uid, si_signo, si_status, si_code),\n"
                          "or via the attributes si_pid, si_uid, and so on.\n\n"
                          "See os.waitid for more information.")


def _wait4(pid, options):
    result = _codec.ints(_native.builtins.wait4(pid, options))
    return result[0], result[1], result[2:]


def _waitpid(pid, options):
    return _codec.ints(_native.builtins.waitpid(pid, options))


def _rusage(longs):
    import resource

    utime = longs[0] + longs[1] * 1e-6
    stime = longs[2] + longs[3] * 1e-6
    return resource.struct_rusage((utime, stime) + longs[4:])


@no_arguments
def wait():
    """Wait for completion of a child process.

    Returns a tuple of information about the child process:
        (pid, status)"""
    return _waitpid(-1, 0)


@positional
def waitpid(pid, options, /):
    """Wait for completion of a given child process.

    Returns a tuple of information regarding the child process:
        (pid, status)

    The options argument is ignored on Windows."""
    return _waitpid(format_int(pid), format_int(options))


@keywords
def wait3(options):
    """Wait for completion of a child process.

    Returns a tuple of information about the child process:
      (pid, status, rusage)"""
    pid, status, usage = _wait4(-1, c_int(options))
    return pid, status, _rusage(usage)


@legacy_keywords(format_int, format_int)
def wait4(pid, options):
    """Wait for completion of a specific child process.

    Returns a tuple of information about the child process:
      (pid, status, rusage)"""
    pid, status, usage = _wait4(pid, options)
    return pid, status, _rusage(usage)


@positional
def waitid(idtype, id, options, /):
    """Returns the result of waiting for a process or processes.

      idtype
        Must be one of be P_PID, P_PGID or P_ALL.
      id
        The id to wait on.
      options
        Constructed from the ORing of one or more of WEXITED, WSTOPPED
        or WCONTINUED and additionally may be ORed with WNOHANG or WNOWAIT.

    Returns either waitid_result or None if WNOHANG is specified and there are
    no children in a waitable state."""
    info = _codec.ints(_native.builtins.waitid(format_int(idtype), format_int(id), format_int(options)))
    if info[0] == 0:
        return None
    return waitid_result(info)


# The wait status macros of glibc's <bits/waitstatus.h>, over a C int as CPython's clinic converts it.

def _exited(status):
    return status & 0x7F == 0


def _exit_status(status):
    return (status & 0xFF00) >> 8


def _signaled(status):
    return 0 < status & 0x7F < 0x7F


def _term_signal(status):
    return status & 0x7F


def _stopped(status):
    return status & 0xFF == 0x7F


@keywords
def WIFEXITED(status):
    """Return True if the process returning status exited via the exit() system call."""
    return _exited(c_int(status))


@keywords
def WEXITSTATUS(status):
    """Return the process return code from status."""
    return _exit_status(c_int(status))


@keywords
def WIFSIGNALED(status):
    """Return True if the process returning status was terminated by a signal."""
    return _signaled(c_int(status))


@keywords
def WTERMSIG(status):
    """Return the signal that terminated the process that provided the status value."""
    return _term_signal(c_int(status))


@keywords
def WIFSTOPPED(status):
    """Return True if the process returning status was stopped."""
    return _stopped(c_int(status))


@keywords
def WSTOPSIG(status):
    """Return the signal that stopped the process that provided the status value."""
    return _exit_status(c_int(status))  # the same bits as WEXITSTATUS


@keywords
def WIFCONTINUED(status):
    """Return True if a particular process was continued from a job control stop.

Return True if the process returning status was continued from a
job control stop."""
    return c_int(status) == 0xFFFF


@one_argument
def WCOREDUMP(status, /):
    """Return True if the process returning status was dumped to a core file."""
    return bool(c_int(status) & 0x80)


@keywords
def waitstatus_to_exitcode(status):
    """Convert a wait status to an exit code.

On Unix:

* If WIFEXITED(status) is true, return WEXITSTATUS(status).
* If WIFSIGNALED(status) is true, return -WTERMSIG(status).
* Otherwise, raise a ValueError.

On Windows, return status shifted right by 8 bits.

On Unix, if the process is being traced or if waitpid() was called with
WUNTRACED option, the caller must first check if WIFSTOPPED(status) is true.
This function must not be called if WIFSTOPPED(status) is true."""
    status = c_int(status)
    if _exited(status):
        return _exit_status(status)
    if _signaled(status):
        return -_term_signal(status)
    if _stopped(status):
        raise ValueError(f"process stopped by delivery of signal {_exit_status(status)}")
    raise ValueError(f"invalid wait status: {status}")


def exports():
    names = {name: value for name, value in globals().items()
             if name.isupper() and not name.startswith("_")}
    names.update(wait=wait, waitpid=waitpid, wait3=wait3, wait4=wait4, waitid=waitid, waitid_result=waitid_result,
                 waitstatus_to_exitcode=waitstatus_to_exitcode)
    return names
