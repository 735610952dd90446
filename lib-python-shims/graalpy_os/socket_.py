"""socket.sendmsg/recvmsg with SCM_RIGHTS fd passing, and socket.SCM_RIGHTS, CMSG_LEN and
CMSG_SPACE, which GraalPy 25.0.1's socket lacks (docs/decisions.md D12); socket.socketpair over
socketpair(2), as CPython's (GraalPy's is a TCP loopback pair, which cannot carry fds). With them CPython's own
multiprocessing.reduction.sendfds/recvfds work unchanged and reduction.HAVE_SEND_HANDLE is True,
as on CPython. Only SOL_SOCKET/SCM_RIGHTS ancillary data and connected sockets are supported:
anything else raises OSError(EINVAL) / OSError(EOPNOTSUPP) instead of being dropped silently.
"""

import errno
import struct

from . import _codec, _native

SOL_SOCKET = 1
SCM_RIGHTS = 1
_CMSG_HEADER = 16  # struct cmsghdr on 64-bit glibc: size_t len, int level, int type
_FD = struct.Struct("i")
_CMSG_MAX = 2**31 - 1
_SC_IOV_MAX = 60


def patch(socket):
    import os

    # with socket.sendmsg, asyncio's selector_events asks os.sysconf('SC_IOV_MAX') at import, and
    # GraalPy's sysconf knows only the names in sysconf_names (glibc's _SC_IOV_MAX is 60)
    os.sysconf_names.setdefault("SC_IOV_MAX", _SC_IOV_MAX)
    socket.SCM_RIGHTS = SCM_RIGHTS
    socket.CMSG_LEN = CMSG_LEN
    socket.CMSG_SPACE = CMSG_SPACE
    socket.socket.sendmsg = sendmsg
    socket.socket.recvmsg = recvmsg
    socket.socketpair = _socketpair(socket)
    for name in ("accept", "recv", "recv_into", "recvfrom", "recvfrom_into"):
        setattr(socket.socket, name, _waiting_first(getattr(socket.socket, name)))
    socket.__all__.extend(name for name in ("SCM_RIGHTS", "CMSG_LEN", "CMSG_SPACE") if name not in socket.__all__)


def _socketpair(socket):
    def socketpair(family=None, type=socket.SOCK_STREAM, proto=0):
        if family is None:
            family = socket.AF_UNIX
        fds = _codec.ints(_native.builtins.socketpair(family, type, proto))
        return tuple(socket.socket(family, type, proto, fd) for fd in fds)

    socketpair.__doc__ = socket.socketpair.__doc__
    return socketpair


def CMSG_LEN(length, /):
    """CMSG_LEN(length) -> control message length

Return the total length, without trailing padding, of an ancillary
data item with associated data of the given length."""
    if not 0 <= length <= _CMSG_MAX - _CMSG_HEADER:
        raise OverflowError("CMSG_LEN() argument out of range")
    return _CMSG_HEADER + length


def CMSG_SPACE(length, /):
    """CMSG_SPACE(length) -> buffer size

Return the buffer size needed for recvmsg() to receive an ancillary
data item with associated data of the given length, along with any
trailing padding."""
    if not 0 <= length <= _CMSG_MAX - _CMSG_HEADER - 7:
        raise OverflowError("CMSG_SPACE() argument out of range")
    return _CMSG_HEADER + ((length + 7) & ~7)


def sendmsg(self, buffers, ancdata=(), flags=0, address=None, /):
    """sendmsg(buffers[, ancdata[, flags[, address]]]) -> count

Send normal and ancillary data to the socket (graalpy-os: ancillary data
may only be SOL_SOCKET/SCM_RIGHTS file descriptors, and no address)."""
    if address is not None:
        raise OSError(errno.EOPNOTSUPP, "graalpy-os: sendmsg() to an address is not supported")
    data = b"".join(bytes(memoryview(buffer)) for buffer in buffers)
    fds = []
    for level, kind, payload in ancdata:
        if (level, kind) != (SOL_SOCKET, SCM_RIGHTS):
            raise OSError(errno.EINVAL, "graalpy-os: sendmsg() supports only SOL_SOCKET/SCM_RIGHTS ancillary data")
        raw = bytes(memoryview(payload))
        fds.extend(fd for (fd,) in _FD.iter_unpack(raw[:len(raw) - len(raw) % _FD.size]))
    _wait_ready(self, writing=True)
    return _native.builtins.sendmsg(self.fileno(), _codec.text(data), _codec.int_items(fds), flags)


def recvmsg(self, bufsize, ancbufsize=0, flags=0, /):
    """recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)

Receive normal data (up to bufsize bytes) and ancillary data from the
socket (graalpy-os: SCM_RIGHTS file descriptors only; address is None)."""
    if bufsize < 0 or ancbufsize < 0:
        raise ValueError("negative buffer size in recvmsg()")
    max_fds = max(0, ancbufsize - _CMSG_HEADER) // _FD.size
    _wait_ready(self, writing=False)
    msg_flags, fds, data = _codec.fields(_native.builtins.recvmsg(self.fileno(), bufsize, max_fds, flags), "ilb")
    ancdata = [(SOL_SOCKET, SCM_RIGHTS, b"".join(_FD.pack(fd) for fd in fds))] if fds else []
    return data, ancdata, msg_flags, None


def _waiting_first(method):
    """A socket call that first waits in the interruptible select (PEP 475): GraalPy's own wait, and
    its blocking call, ran a signal handler but raised its exception only once the call was over."""
    import functools

    @functools.wraps(method)
    def waiting_first(self, *args, **kwargs):
        _wait_ready(self, writing=False)
        return method(self, *args, **kwargs)

    return waiting_first


def _wait_ready(sock, writing):
    """Waits until a blocking socket or one with a timeout is ready, as CPython's sock_call does
    (a non-blocking or closed one: the call itself reports it)."""
    timeout = sock.gettimeout()
    if timeout != 0.0 and sock.fileno() >= 0:
        import select

        readable, writable, _ = select.select([] if writing else [sock], [sock] if writing else [], [], timeout)
        if not (readable or writable):
            raise TimeoutError("timed out")
