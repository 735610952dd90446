"""os.wait, wait3, wait4, waitpid, waitid and their constants, over wait4(2) and waitid(2).

The builtin retries EINTR (PEP 475) and raises OSError subclasses (ChildProcessError when there
is no child). The functions are declared in Java (org.graalpyos.functions.posix.Wait), whose
wrappers parse and convert the arguments as CPython's clinic does and call them.
"""

from . import _codec, _declared, _native
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


def wait():
    return _waitpid(-1, 0)


waitpid = _waitpid


def wait3(options):
    pid, status, usage = _wait4(-1, options)
    return pid, status, _rusage(usage)


def wait4(pid, options):
    pid, status, usage = _wait4(pid, options)
    return pid, status, _rusage(usage)


def waitid(idtype, id, options):
    info = _codec.ints(_native.builtins.waitid(idtype, id, options))
    if info[0] == 0:
        return None
    return waitid_result(info)


# The wait status macros of glibc's <bits/waitstatus.h>, over the C int the wrappers converted
# (private names: wrap() replaces the public ones by their wrappers).

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


WIFEXITED = _exited
WEXITSTATUS = _exit_status
WIFSIGNALED = _signaled
WTERMSIG = _term_signal
WIFSTOPPED = _stopped
WSTOPSIG = _exit_status  # the same bits


def WIFCONTINUED(status):
    return status == 0xFFFF


def WCOREDUMP(status):
    return bool(status & 0x80)


def waitstatus_to_exitcode(status):
    if _exited(status):
        return _exit_status(status)
    if _signaled(status):
        return -_term_signal(status)
    if _stopped(status):
        raise ValueError(f"process stopped by delivery of signal {_exit_status(status)}")
    raise ValueError(f"invalid wait status: {status}")


_declared.wrap(globals(), "wait")


def exports():
    names = {name: value for name, value in globals().items()
             if name.isupper() and not name.startswith("_")}
    names.update(wait=wait, waitpid=waitpid, wait3=wait3, wait4=wait4, waitid=waitid, waitid_result=waitid_result,
                 waitstatus_to_exitcode=waitstatus_to_exitcode)
    return names
