"""The launcher's top level: runs the program as CPython's pymain_run_python does, and ends it
as PyErr_Print and _Py_HandleSystemExit do (GraalPy's own top level drops the newline after a
SystemExit message, and shows frames of the launcher)."""

import sys


# an uncaught KeyboardInterrupt: the launcher ends by SIGINT once the context is closed, as
# CPython's main does (_Py_UnhandledKeyboardInterrupt), so that a parent sees -SIGINT
ended_by_keyboard_interrupt = False


def run(mode, target, inspect, closed_fds=""):
    """Runs the program; returns the process exit status (a forked child ends here instead).
    closed_fds: the standard fds that were closed at launch, "0,2,": their sys streams are None."""
    _install_signal_handlers()
    for fd in str(closed_fds).split(","):
        if fd:
            name = ("stdin", "stdout", "stderr")[int(fd)]
            setattr(sys, name, None)
            setattr(sys, "__" + name + "__", None)
    status = _run_program(mode, target, inspect)
    _wait_for_threads_and_run_atexit()
    from . import fork

    if fork.in_forked_child():  # also a child forked by an atexit callback
        fork.end_child(status)
    return status


def _install_signal_handlers():
    """CPython's signal_install_handlers, which python3 runs and an embedding need not: SIGPIPE and
    SIGXFSZ ignored (writes fail with EPIPE/EFBIG instead; children inherit the disposition, except
    where subprocess's restore_signals or posix_spawn's setsigdef restore it) and SIGINT raising
    KeyboardInterrupt. The JVM's own SIGINT handling would end the process with status 130, and a
    SIGINT ignored at start stays ignored (the JVM does not take it over). SIGTERM and SIGHUP get
    their default action back: the JVM's would run its shutdown and exit with status 143/129, where
    python3 is killed by the signal (a parent's Popen.terminate() sees -15)."""
    import _signal

    from . import jvm_signals

    jvm_signals.install()  # first: SIGINT's handler writes the wake-up fd too
    _signal.signal(_signal.SIGPIPE, _signal.SIG_IGN)
    _signal.signal(_signal.SIGXFSZ, _signal.SIG_IGN)
    if not jvm_signals.ignored(_signal.SIGINT):  # one ignored at start stays ignored, as in python3
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    for terminating in (_signal.SIGTERM, _signal.SIGHUP):  # the launcher's Java main did so too, before the context
        if not jvm_signals.ignored(terminating):  # one ignored at start (nohup) stays ignored, as in python3
            _signal.signal(terminating, _signal.SIG_DFL)


def _wait_for_threads_and_run_atexit():
    """Py_FinalizeEx's first steps, done here rather than at context close so that a forked child
    (one forked by the program or by an atexit callback, which CPython 3.12 allows) ends as a
    JVM child must: it cannot close the context (that waits for threads it does not have)."""
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException as error:
            from ._unraisable import write_unraisable

            write_unraisable(error, threading._shutdown)
    import atexit

    atexit._run_exitfuncs()


def _run_program(mode, target, inspect):
    try:
        _run(mode, target)
        if inspect:
            _interact("")
    except SystemExit as e:
        return _system_exit_status(e)
    except BaseException as e:
        return _print_uncaught(e)
    return 0


def _run(mode, target):
    import __main__

    if mode == "COMMAND":
        exec(compile(target, "<string>", "exec"), __main__.__dict__)
    elif mode == "MODULE":
        import runpy

        runpy._run_module_as_main(target)
    elif mode == "SCRIPT":
        __graalpython__.run_path()
    elif mode == "STDIN" or not sys.stdin.isatty():
        exec(compile(sys.stdin.read(), "<stdin>", "exec"), __main__.__dict__)
    else:
        _interact(None)


def _interact(banner):
    import code

    code.interact(banner=banner, exitmsg="")


def _system_exit_status(exit):
    code = exit.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code if -2**31 <= code < 2**31 else -1
    _flush(sys.stdout)
    stream = sys.stderr if sys.stderr is not None else sys.__stderr__
    stream.write(str(code) + "\n")
    _flush(stream)
    return 1


def _print_uncaught(error):
    traceback = error.__traceback__
    while traceback is not None and traceback.tb_frame.f_code.co_filename == _run.__code__.co_filename:
        traceback = traceback.tb_next
    error.__traceback__ = traceback
    sys.last_type, sys.last_value, sys.last_traceback = type(error), error, traceback
    sys.last_exc = error
    _flush(sys.stdout)
    try:
        sys.excepthook(type(error), error, traceback)
    except SystemExit as e:
        return _system_exit_status(e)
    except BaseException:
        import traceback as tb_module

        print("Error in sys.excepthook:", file=sys.__stderr__)
        tb_module.print_exc(file=sys.__stderr__)
    _flush(sys.stderr)
    if isinstance(error, KeyboardInterrupt):
        global ended_by_keyboard_interrupt
        ended_by_keyboard_interrupt = True
        return 130
    return 1


def _flush(stream):
    try:
        stream.flush()
    except Exception:
        pass
