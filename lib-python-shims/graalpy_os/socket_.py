"""socket.sendmsg/recvmsg with SCM_RIGHTS fd passing, and socket.SCM_RIGHTS, CMSG_LEN and
CMSG_SPACE, which GraalPy 25.0.1's socket lacks (docs/decisions.md D12); socket.socketpair over
socketpair(2), as CPython's (GraalPy's is a TCP loopback pair, which cannot carry fds). With them CPython's own
multiprocessing.reduction.sendfds/recvfds work unchanged and reduction.HAVE_SEND_HANDLE is True,
as on CPython, and so do socket.send_fds/recv_fds. Only SOL_SOCKET/SCM_RIGHTS ancillary data and
connected sockets are supported: anything else raises OSError(EINVAL) / OSError(EOPNOTSUPP)
instead of being dropped silently.

Also _socket's if_nameindex, if_nametoindex, if_indextoname, getprotobyname and sethostname,
parsed here as CPython 3.12 parses them (PyArg_ParseTuple or METH_O, so without
__text_signature__) over graalpy-os's builtins (org.graalpyos.functions.socket.NetworkNames).
"""

import errno
import os
import struct
import sys

from . import _clinic, _codec, _native
from ._convert import fs_converter, utf8

SOL_SOCKET = 1
SCM_RIGHTS = 1
_CMSG_HEADER = 16  # struct cmsghdr on 64-bit glibc: size_t len, int level, int type
_FD = struct.Struct("i")
_CMSG_MAX = 2**31 - 1
_SC_IOV_MAX = 60


def patch(socket):
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
    # socket.py defines these only when _socket.socket has sendmsg/recvmsg, which it gets here
    import array

    socket.array = array
    socket.send_fds = send_fds
    socket.recv_fds = recv_fds
    socket.__all__.extend(name for name in ("send_fds", "recv_fds") if name not in socket.__all__)
    for function in (if_nameindex, if_nametoindex, if_indextoname, getprotobyname, sethostname):
        setattr(socket._socket, function.__name__, function)
        setattr(socket, function.__name__, function)
        if function.__name__ not in socket.__all__:
            socket.__all__.append(function.__name__)


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


def send_fds(sock, buffers, fds, flags=0, address=None):
    """ send_fds(sock, buffers, fds[, flags[, address]]) -> integer

        Send the list of file descriptors fds over an AF_UNIX socket.
        """
    return sock.sendmsg(buffers, [(SOL_SOCKET, SCM_RIGHTS, struct.pack(f"{len(fds)}i", *fds))], flags, address)


def recv_fds(sock, bufsize, maxfds, flags=0):
    """ recv_fds(sock, bufsize, maxfds[, flags]) -> (data, list of file
        descriptors, msg_flags, address)

        Receive up to maxfds file descriptors returning the message
        data and a list containing the descriptors.
        """
    msg, ancdata, msg_flags, address = sock.recvmsg(bufsize, CMSG_LEN(maxfds * _FD.size))
    fds = []
    for level, kind, payload in ancdata:
        if (level, kind) == (SOL_SOCKET, SCM_RIGHTS):
            fds.extend(fd for (fd,) in _FD.iter_unpack(payload[:len(payload) - len(payload) % _FD.size]))
    return msg, fds, msg_flags, address


def _spec(parser, qualified, name):
    """_clinic's spec of a one-argument function CPython parses without clinic (PyArg_ParseTuple's
    "takes exactly 1 argument", METH_O's "takes exactly one argument", METH_NOARGS)."""
    if parser == "noargs":
        return (parser, qualified, name, (), 0, 0, 0, (), ())
    return (parser, qualified, name, ("arg",), 1, 1, 1, (), (None,))


def _builtin_function(function, parser, qualified, doc):
    name = function.__name__.lstrip("_")
    spec = _spec(parser, qualified, name)

    def parsed(*args, **kwargs):
        if kwargs or len(args) != len(spec[3]):
            args = _clinic.bind(spec, args, kwargs)
        return function(*args)

    parsed.__name__ = parsed.__qualname__ = name
    parsed.__module__ = "_socket"
    parsed.__doc__ = doc
    parsed.__text_signature__ = None
    return parsed


def _if_nameindex():
    items = _codec.byte_items(_native.builtins.network_interfaces())
    return [(int(items[i]), os.fsdecode(items[i + 1])) for i in range(0, len(items), 2)]


def _if_nametoindex(oname):
    index = _native.builtins.network_interface_index(_codec.text(fs_converter(oname)))
    if index == 0:
        raise OSError("no interface with this name")
    return index


def _if_indextoname(index):
    # PyLong_AsUnsignedLong, then the C unsigned int of if_indextoname(3)
    if not isinstance(index, int):
        raise TypeError("an integer is required")
    if index < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if index >= 2**64:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return os.fsdecode(_codec.data(_native.builtins.network_interface_name(int(index) & 0xFFFFFFFF)))


def _getprotobyname(name):
    if not isinstance(name, str):
        raise TypeError(f"getprotobyname() argument 1 must be str, not {'None' if name is None else type(name).__name__}")
    encoded = utf8(name)
    if b"\0" in encoded:
        raise ValueError("embedded null character")
    number = _native.builtins.protocol_number(_codec.text(encoded))
    if number < 0:
        raise OSError("protocol not found")
    return number


def _sethostname(name):
    encoded = fs_converter(name)
    sys.audit("socket.sethostname", encoded)
    _native.builtins.set_host_name(_codec.text(encoded))


if_nameindex = _builtin_function(_if_nameindex, "noargs", "_socket.if_nameindex()", """if_nameindex()

Returns a list of network interface information (index, name) tuples.""")
if_nametoindex = _builtin_function(_if_nametoindex, "legacy_positional", "if_nametoindex()", """if_nametoindex(if_name)

Returns the interface index corresponding to the interface name if_name.""")
if_indextoname = _builtin_function(_if_indextoname, "o", "_socket.if_indextoname()", """if_indextoname(if_index)

Returns the interface name corresponding to the interface index if_index.""")
getprotobyname = _builtin_function(_getprotobyname, "legacy_positional", "getprotobyname()", """getprotobyname(name) -> integer

Return the protocol number for the named protocol.  (Rarely used.)""")
sethostname = _builtin_function(_sethostname, "legacy_positional", "sethostname()", """sethostname(name)

Sets the hostname to name.""")
