"""select.select, select.poll and select.epoll as CPython 3.12's selectmodule, which GraalPy 25.0.1
lacks (it has a select.select of its own that raised when a signal interrupted it). The builtins
(org.graalpyos.functions.select.Select) block in poll(2) with Python signal handlers enabled
(PEP 475: a handler runs while the call blocks; one that raises ends the call with its exception;
one that returns lets the call go on with the time left). select.select is poll(2) underneath,
with select(2)'s fd limit and readiness sets; epoll.poll polls the epoll fd, then takes its events.
"""

import operator
import _thread

from . import _clinic, _codec, _convert, _declared, _native
from ._declared.select import (EPOLL_CLOEXEC, EPOLLIN, EPOLLOUT, EPOLLPRI, POLLERR, POLLHUP, POLLIN, POLLOUT,
                               POLLPRI)

_INT_MIN, _INT_MAX = -2**31, 2**31 - 1
_MS, _S = 10**6, 10**9
# select(2)'s sets as Linux fills them from poll's events (fs/select.c: POLLIN_SET, POLLOUT_SET, POLLEX_SET)
_READ_READY, _WRITE_READY, _EXCEPT_READY = POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI
_EPOLL_CTL_ADD, _EPOLL_CTL_DEL, _EPOLL_CTL_MOD = 1, 2, 3


def _timeout_ns(value, unit, type_message):
    """_convert.timeout_ns, its TypeError replaced by the caller's message, as selectmodule does."""
    try:
        return _convert.timeout_ns(value, unit)
    except TypeError:
        raise TypeError(type_message) from None


def _ms(ns, ceiling):
    """_PyTime_AsMilliseconds: rounded up (ceiling) or away from zero (_PyTime_ROUND_TIMEOUT)."""
    return -(-ns // _MS) if ceiling or ns >= 0 else ns // _MS


def _fds(iterable):
    """seq2set: PySequence_Fast (an exact list or tuple itself, read up to its current length, which
    a fileno() may change), each object's fd by PyObject_AsFileDescriptor."""
    if type(iterable) not in (list, tuple):
        try:
            iterator = iter(iterable)
        except TypeError:
            raise TypeError("arguments 1-3 must be sequences") from None
        iterable = list(iterator)
    objects = []
    fds = []
    i = 0
    while i < len(iterable):
        obj = iterable[i]
        fds.append(_convert.fildes(obj))
        objects.append(obj)
        i += 1
    return objects, fds


def select(rlist, wlist, xlist, timeout):
    if timeout is None:
        timeout_ns = -1
    else:
        timeout_ns = _timeout_ns(timeout, _S, "timeout must be a float or None")
        if timeout_ns < 0:
            raise ValueError("timeout must be non-negative")
    lists = [_fds(rlist), _fds(wlist), _fds(xlist)]
    fds = []
    events = []
    for (_, numbers), event in zip(lists, (POLLIN, POLLOUT, POLLPRI)):
        fds.extend(numbers)
        events.extend([event] * len(numbers))
    revents = _codec.ints(_native.builtins.select_fds(_codec.int_items(fds), _codec.int_items(events), timeout_ns))
    result = []
    start = 0
    for (objects, _), ready in zip(lists, (_READ_READY, _WRITE_READY, _EXCEPT_READY)):
        result.append([obj for obj, got in zip(objects, revents[start:start + len(objects)]) if got & ready])
        start += len(objects)
    return tuple(result)


def _method(function, parser, qualname, names, required, defaults=(), signature=None):
    """A method parsed as the one CPython's clinic generates for it (_clinic.bind's specs)."""
    name = qualname.rpartition(".")[2]
    positional_only = 0 if parser == "keywords" else len(names)
    spec = (parser, qualname + "()", name, names, positional_only, required, len(names), defaults, (None,) * len(names))

    def method(self, *args, **kwargs):
        return function(self, *_clinic.bind(spec, args, kwargs))

    method.__name__ = function.__name__
    method.__qualname__ = function.__qualname__
    method.__doc__ = function.__doc__
    shown = ["%s%s" % (name, "" if i < required else "=%r" % defaults[i - required]) for i, name in enumerate(names)]
    method.__text_signature__ = signature or "(%s)" % ", ".join(
        ["$self", "/", *shown] if parser == "keywords" else ["$self", *shown, "/"])
    return method


def _unsigned_short(value):
    """_PyLong_UnsignedShort_Converter."""
    if isinstance(value, int) and value < 0:
        raise ValueError("value must be positive")
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value > 0xFFFF:
        raise OverflowError("Python int too large for C unsigned short")
    return int(value)


class _Poll:
    """Returns a polling object.

This object supports registering and unregistering file descriptors, and then
polling them for I/O events."""

    __slots__ = ("_fds", "_running", "__weakref__")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'select.poll' instances")

    @classmethod
    def _new(cls):
        self = object.__new__(cls)
        self._fds = {}
        self._running = _thread.allocate_lock()
        return self

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        """Register a file descriptor with the polling object.

  fd
    either an integer, or an object with a fileno() method returning an int
  eventmask
    an optional bitmask describing the type of events to check for"""
        self._fds[_convert.fildes(fd)] = _unsigned_short(eventmask)

    def modify(self, fd, eventmask):
        """Modify an already registered file descriptor.

  fd
    either an integer, or an object with a fileno() method returning
    an int
  eventmask
    a bitmask describing the type of events to check for"""
        fd = _convert.fildes(fd)
        eventmask = _unsigned_short(eventmask)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        """Remove a file descriptor being tracked by the polling object."""
        del self._fds[_convert.fildes(fd)]

    def poll(self, timeout=None):
        """Polls the set of registered file descriptors.

Returns a list containing any descriptors that have events or errors to
report, as a list of (fd, event) 2-tuples."""
        if timeout is None:
            timeout_ns = -1
        else:
            timeout_ns = _timeout_ns(timeout, _MS, "timeout must be an integer or None")
            if not _INT_MIN <= _ms(timeout_ns, False) <= _INT_MAX:
                raise OverflowError("timeout is too large")
            timeout_ns = max(timeout_ns, -1)
        if not self._running.acquire(blocking=False):
            raise RuntimeError("concurrent poll() invocation")
        try:
            fds = list(self._fds.items())
            revents = _codec.ints(_native.builtins.poll_fds(
                _codec.int_items([fd for fd, _ in fds]),
                _codec.int_items([events for _, events in fds]), timeout_ns))
        finally:
            self._running.release()
        return [(fd, got) for (fd, _), got in zip(fds, revents) if got]


_Poll.register = _method(_Poll.register, "positional", "poll.register", ("fd", "eventmask"), 1, (POLLIN | POLLPRI | POLLOUT,),
                         "($self, fd, eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT, /)")
_Poll.modify = _method(_Poll.modify, "positional", "poll.modify", ("fd", "eventmask"), 2)
_Poll.unregister = _method(_Poll.unregister, "o", "poll.unregister", ("fd",), 1)
_Poll.poll = _method(_Poll.poll, "positional", "poll.poll", ("timeout",), 0, (None,))


def poll():
    return _Poll._new()


def _closed():
    return ValueError("I/O operation on closed epoll object")


class epoll:
    """select.epoll(sizehint=-1, flags=0)

Returns an epolling object

sizehint must be a positive integer or -1 for the default size. The
sizehint is used to optimize internal data structures. It doesn't limit
the maximum number of monitored events."""

    __slots__ = ("_epfd", "__weakref__")

    def __new__(cls, sizehint=-1, flags=0):
        sizehint = _convert.c_int(sizehint)
        flags = _convert.c_int(flags)
        if sizehint != -1 and sizehint <= 0:
            raise ValueError("negative sizehint")
        if flags and flags != EPOLL_CLOEXEC:
            raise OSError("invalid flags")
        return cls._with_fd(_native.builtins.epoll_create(EPOLL_CLOEXEC))

    @classmethod
    def _with_fd(cls, fd):
        self = object.__new__(cls)
        self._epfd = fd
        return self

    def __del__(self):
        if getattr(self, "_epfd", -1) >= 0:
            self.close()

    def close(self):
        """Close the epoll control file descriptor.

Further operations on the epoll object will raise an exception."""
        fd, self._epfd = self._epfd, -1
        if fd >= 0:
            import os

            try:
                os.close(fd)
            except OSError:  # CPython's close never reports close(2)'s error
                pass

    @property
    def closed(self):
        """True if the epoll handler is closed"""
        return self._epfd < 0

    def fileno(self):
        """Return the epoll control file descriptor."""
        if self._epfd < 0:
            raise _closed()
        return self._epfd

    @classmethod
    def fromfd(cls, fd):
        """Create an epoll object from a given control fd."""
        return cls._with_fd(_convert.c_int(fd))

    def _ctl(self, op, fd, eventmask):
        fd = _convert.fildes(fd)
        eventmask = operator.index(eventmask) & 0xFFFFFFFF  # unsigned_int(bitwise=True)
        if self._epfd < 0:
            raise _closed()
        _native.builtins.epoll_ctl(self._epfd, op, fd, eventmask)

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        """Registers a new fd or raises an OSError if the fd is already registered.

  fd
    the target file descriptor of the operation
  eventmask
    a bit set composed of the various EPOLL constants

The epoll interface supports all file descriptors that support poll."""
        self._ctl(_EPOLL_CTL_ADD, fd, eventmask)

    def modify(self, fd, eventmask):
        """Modify event mask for a registered file descriptor.

  fd
    the target file descriptor of the operation
  eventmask
    a bit set composed of the various EPOLL constants"""
        self._ctl(_EPOLL_CTL_MOD, fd, eventmask)

    def unregister(self, fd):
        """Remove a registered file descriptor from the epoll object.

  fd
    the target file descriptor of the operation"""
        self._ctl(_EPOLL_CTL_DEL, fd, 0)

    def poll(self, timeout=None, maxevents=-1):
        """Wait for events on the epoll file descriptor.

  timeout
    the maximum time to wait in seconds (as float);
    a timeout of None or -1 makes poll wait indefinitely
  maxevents
    the maximum number of events returned; -1 means no limit

Returns a list containing any descriptors that have events to report,
as a list of (fd, events) 2-tuples."""
        maxevents = _convert.c_int(maxevents)
        if self._epfd < 0:
            raise _closed()
        if timeout is None:
            timeout_ns = -1
        else:
            timeout_ns = _timeout_ns(timeout, _S, "timeout must be an integer or None")
            ms = _ms(timeout_ns, True)
            if not _INT_MIN <= ms <= _INT_MAX:
                raise OverflowError("timeout is too large")
            timeout_ns = -1 if ms < 0 else max(timeout_ns, 0)  # -0.0001 s is 0 ms: no wait
        if maxevents != -1 and maxevents < 1:
            raise ValueError(f"maxevents must be greater than 0, got {maxevents}")
        events = _codec.ints(_native.builtins.epoll_wait(self._epfd, maxevents, timeout_ns))
        return list(zip(events[::2], events[1::2]))

    def __enter__(self):
        if self._epfd < 0:
            raise _closed()
        return self

    def __exit__(self, exc_type=None, exc_value=None, exc_tb=None):
        return self.close()


epoll.__new__ = staticmethod(_method(epoll.__new__, "keywords", "epoll", ("sizehint", "flags"), 0, (-1, 0)))
epoll.fromfd = classmethod(_method(epoll.fromfd.__func__, "o", "epoll.fromfd", ("fd",), 1))
epoll.register = _method(epoll.register, "keywords", "epoll.register", ("fd", "eventmask"), 1, (EPOLLIN | EPOLLPRI | EPOLLOUT,),
                         "($self, /, fd,\n         eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)")
epoll.modify = _method(epoll.modify, "keywords", "epoll.modify", ("fd", "eventmask"), 2)
epoll.unregister = _method(epoll.unregister, "keywords", "epoll.unregister", ("fd",), 1)
epoll.poll = _method(epoll.poll, "keywords", "epoll.poll", ("timeout", "maxevents"), 0, (None, -1))
epoll.close = _method(epoll.close, "noargs", "epoll.close", (), 0)
epoll.fileno = _method(epoll.fileno, "noargs", "epoll.fileno", (), 0)
epoll.__enter__ = _method(epoll.__enter__, "noargs", "epoll.__enter__", (), 0)
epoll.__exit__ = _method(epoll.__exit__, "positional", "epoll.__exit__", ("exc_type", "exc_value", "exc_tb"), 0, (None, None, None))
for _type, _name in ((_Poll, "poll"), (epoll, "epoll")):
    _type.__module__ = "select"
    _type.__name__ = _type.__qualname__ = _name
del _type, _name

_declared.wrap(globals(), "select_")


def patch(module):
    from . import _as_builtin

    module.select = _as_builtin(select, "select")
    module.poll = _as_builtin(poll, "select")
    module.epoll = epoll
