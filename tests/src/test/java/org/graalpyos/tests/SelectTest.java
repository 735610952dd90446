package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * select.select, select.poll, select.epoll and selectors on real pipes and sockets, their errors,
 * and PEP 475 for them, time.sleep and socket calls: a SIGCHLD handler runs while
 * they block (a child exits 0.3 s into a call that would block 2 s); one that returns lets the call
 * go on to its result, one that raises ends it at once; in the parent and in a forked child. Every
 * output equal to python3's.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SelectTest {
    private static final String CALLS = """
                    import errno, os, select, selectors, socket, sys
                    def t(label, f, *args, **kwargs):
                        try:
                            print(label, repr(f(*args, **kwargs)))
                        except Exception as e:
                            print(label, type(e).__name__, names.get(e.args[0]) if isinstance(e, KeyError) else e)
                    print(sorted((n, getattr(select, n)) for n in dir(select) if n.startswith(("POLL", "EPOLL"))))
                    print(selectors.DefaultSelector.__name__, hasattr(selectors, "PollSelector"), hasattr(selectors, "EpollSelector"))
                    r, w = os.pipe()
                    a, b = socket.socketpair()
                    names = {r: "r", w: "w", a.fileno(): "a", b.fileno(): "b"}
                    def named(pairs):
                        return sorted((names.get(fd, fd), ev) for fd, ev in pairs)
                    def sel(*lists, timeout=0):
                        return tuple([names.get(x, x) if isinstance(x, int) else "sock" + names[x.fileno()] for x in l] for l in select.select(*lists, timeout))
                    t("select idle", sel, [r, a], [], [r, a])
                    t("select writable", sel, [], [w, b], [])
                    os.write(w, b"x"); b.send(b"y")
                    t("select readable", sel, [r, a], [w], [], timeout=None)
                    t("select tuple and iterator", sel, (r,), iter([w]), [])
                    p = select.poll()
                    p.register(r); p.register(a, select.POLLIN); p.register(w, select.POLLOUT)
                    t("poll", lambda: named(p.poll(0)))
                    t("poll float ms", lambda: named(p.poll(0.5)))
                    p.modify(r, select.POLLOUT)
                    t("poll modified", lambda: named(p.poll(None)))
                    p.unregister(r)
                    t("unregister again", p.unregister, r)
                    t("modify unknown", p.modify, r, 1)
                    t("register object", p.register, a)
                    ep = select.epoll()
                    ep.register(r, select.EPOLLIN); ep.register(b, select.EPOLLOUT)
                    t("epoll", lambda: named(ep.poll(0)))
                    t("epoll maxevents 1", lambda: len(ep.poll(0, 1)))
                    t("epoll keywords", lambda: named(ep.poll(timeout=0.01, maxevents=4)))
                    t("epoll register twice", ep.register, r)
                    ep.modify(r, select.EPOLLOUT)
                    t("epoll modified", lambda: named(ep.poll(-1)))
                    ep.unregister(r)
                    t("epoll unregister twice", ep.unregister, r)
                    t("epoll fromfd", lambda: select.epoll.fromfd(ep.fileno()).fileno() == ep.fileno())
                    ep.close()
                    t("epoll closed", lambda: ep.closed)
                    for m in ("poll", "fileno", "__enter__"):
                        t("closed " + m, getattr(ep, m))
                    t("closed register", ep.register, r)
                    with select.epoll() as ep2:
                        t("with", ep2.closed)
                    t("after with", ep2.closed)
                    os.close(w)
                    t("poll hup", lambda: named(p.poll(0)))
                    p2 = select.poll(); p2.register(w)
                    t("poll closed fd", lambda: named(p2.poll(0)))
                    t("select closed fd", lambda: select.select([w], [], [], 0))
                    for label, f in [("poll arg", lambda: select.poll(1)), ("poll type", lambda: type(p)()),
                                     ("register kw", lambda: p.register(r, eventmask=1)), ("register neg", lambda: p.register(r, -1)),
                                     ("register big", lambda: p.register(r, 65536)), ("register str", lambda: p.register(r, "1")),
                                     ("register none fd", lambda: p.register(None)), ("poll str", lambda: p.poll("1")), ("poll big", lambda: p.poll(2**40)),
                                     ("poll nan", lambda: p.poll(float("nan"))), ("poll two", lambda: p.poll(1, 2)),
                                     ("epoll sizehint", lambda: select.epoll(sizehint=0)), ("epoll flags", lambda: select.epoll(flags=5)),
                                     ("epoll three", lambda: select.epoll(1, 2, 3)), ("epoll maxevents 0", lambda: select.epoll().poll(0, 0)),
                                     ("epoll str timeout", lambda: select.epoll().poll("1")), ("epoll str mask", lambda: select.epoll().register(r, "1")),
                                     ("epoll no fd", lambda: select.epoll().register()), ("epoll bad fd", lambda: select.epoll().unregister(999)),
                                     ("select str timeout", lambda: select.select([], [], [], "1")), ("select negative", lambda: select.select([], [], [], -1)),
                                     ("select int list", lambda: select.select(1, [], [])), ("select big fd", lambda: select.select([5000], [], [], 0)),
                                     ("select negative fd", lambda: select.select([-1], [], [], 0)), ("select object", lambda: select.select([object()], [], [], 0)),
                                     ("select nan", lambda: select.select([], [], [], float("nan"))), ("select five", lambda: select.select([], [], [], 0, 1)),
                                     ("select keyword", lambda: select.select([], [], [], timeout=1)), ("select two", lambda: select.select([], []))]:
                        t(label, f)
                    """;

    private static final String SIGNALS = """
                    import os, select, selectors, signal, socket, sys, threading, time

                    class Boom(Exception):
                        pass

                    def scenario(name, raising, call):
                        # a SIGCHLD handler, and a child that exits 0.3 s into a call that would block 2 s
                        calls = []
                        def handler(signum, frame):
                            calls.append(signum)
                            if raising and len(calls) == 1:
                                raise Boom()
                        pid = os.fork()
                        if pid == 0:
                            time.sleep(0.3)
                            os._exit(0)
                        start = time.monotonic()
                        try:
                            # set after the fork: under load os.fork retries, and the attempt it killed and
                            # reaped raises a SIGCHLD of its own, which ran the handler inside os.fork
                            old = signal.signal(signal.SIGCHLD, handler)
                            outcome = "returned %r" % (call(),)
                        except Boom:
                            outcome = "raised Boom"
                        except Exception as e:
                            outcome = "raised %s %s" % (type(e).__name__, e)
                        elapsed = time.monotonic() - start
                        while cleanups:
                            cleanups.pop()()
                        os.waitpid(pid, 0)
                        # GraalPy runs a handler through the JVM's signal thread: one may land after waitpid
                        # (and a retried os.fork ends a child of its own), so this scenario's handler takes them
                        time.sleep(0.2)
                        signal.signal(signal.SIGCHLD, old)
                        print("%s raising=%s: %s, handler ran: %s, %s" % (name, raising, outcome, bool(calls), "early" if elapsed < 1.5 else "at the timeout"), flush=True)

                    def pipe_select():
                        r, w = os.pipe()
                        try:
                            return select.select([r], [], [], 2.0)
                        finally:
                            os.close(r); os.close(w)

                    def socket_select():
                        a, b = socket.socketpair()
                        with a, b:
                            return tuple(len(x) for x in select.select([a], [], [a], 2.0))

                    def pipe_poll():
                        r, w = os.pipe()
                        p = select.poll(); p.register(r, select.POLLIN)
                        try:
                            return p.poll(2000)
                        finally:
                            os.close(r); os.close(w)

                    def pipe_epoll():
                        r, w = os.pipe()
                        with select.epoll() as ep:
                            ep.register(r, select.EPOLLIN)
                            try:
                                return ep.poll(2.0)
                            finally:
                                os.close(r); os.close(w)

                    def default_selector():
                        a, b = socket.socketpair()
                        with a, b, selectors.DefaultSelector() as sel:
                            sel.register(a, selectors.EVENT_READ)
                            return (type(sel).__name__, sel.select(2.0))

                    def sleep():
                        return time.sleep(2.0)

                    def recv_with_timeout():
                        a, b = socket.socketpair()
                        a.settimeout(2.0)
                        with a, b:
                            return a.recv(10)

                    def accept_with_timeout():
                        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                            s.bind(("127.0.0.1", 0)); s.listen()
                            s.settimeout(2.0)
                            return s.accept()

                    cleanups = []

                    def later(action):
                        # the peer acts 1.6 s into the call, from a thread; joined after the call is timed
                        thread = threading.Thread(target=lambda: (time.sleep(1.6), action()))
                        thread.start()
                        cleanups.append(thread.join)

                    def blocking_recv():
                        a, b = socket.socketpair()
                        cleanups.extend([b.close, a.close])
                        later(lambda: b.send(b"z"))
                        return a.recv(10)

                    def blocking_accept():
                        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                        cleanups.append(s.close)
                        s.bind(("127.0.0.1", 0)); s.listen()
                        later(lambda: socket.create_connection(s.getsockname()).close())
                        return type(s.accept()[0]).__name__

                    def run(calls):
                        for call in calls:
                            for raising in (False, True):
                                scenario(call.__name__, raising, call)

                    CALLS = [pipe_select, socket_select, pipe_poll, pipe_epoll, default_selector, sleep, recv_with_timeout, accept_with_timeout]
                    if sys.argv[1:] == ["child"]:
                        pid = os.fork()
                        if pid == 0:
                            try:
                                print("in a forked child:", flush=True)
                                run(CALLS)
                            finally:
                                os._exit(0)
                        os.waitpid(pid, 0)
                    else:
                        run(CALLS + [blocking_recv, blocking_accept])  # threads: not in a forked child
                    """;

    @Test
    void readinessResultsAndErrorsAnswerAsPython3s() throws Exception {
        String expected = Launcher.python3(CALLS);
        Launcher.Result r = Launcher.script(120, Map.of(), CALLS);
        assertEquals(expected, r.stdout() + r.stderr());
    }

    @Test
    void signalHandlersRunWhileCallsBlock() throws Exception {
        String expected = Launcher.python3(SIGNALS);
        Launcher.Result r = Launcher.script(240, Map.of(), SIGNALS, "parent");
        assertEquals(expected, r.stdout() + r.stderr());
    }

    @Test
    void signalHandlersRunWhileCallsBlockInAForkedChild() throws Exception {
        String expected = python3Script(SIGNALS, "child");
        Launcher.Result r = Launcher.script(240, Map.of(), SIGNALS, "child");
        assertEquals(expected, r.stdout() + r.stderr());
    }

    private static String python3Script(String source, String argument) throws Exception {
        return Launcher.python3("import sys; sys.argv[1:] = [" + "'" + argument + "'" + "]\n" + source);
    }
}
