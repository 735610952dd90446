package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * os.posix_spawn / posix_spawnp against real children: what CPython's test_posix does not
 * cover (every validation message, attributes observed from /proc and the kernel, big and
 * non-ASCII arguments, fd hygiene, the GIL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PosixSpawnTest {
    private Python py;

    @BeforeAll
    void start() {
        py = Python.full();
        py.eval("""
                        import os, sys, signal, warnings
                        def run(argv, **kwargs):
                            r, w = os.pipe()
                            actions = list(kwargs.pop('file_actions', [])) + [(os.POSIX_SPAWN_DUP2, w, 1)]
                            pid = os.posix_spawn(argv[0], argv, kwargs.pop('env', os.environ), file_actions=actions, **kwargs)
                            os.close(w)
                            with os.fdopen(r, 'rb') as f:
                                out = f.read()
                            _, status = os.waitpid(pid, 0)
                            return pid, os.waitstatus_to_exitcode(status), out.decode('utf-8', 'surrogateescape')
                        """);
    }

    @AfterAll
    void stop() {
        py.close();
    }

    private String eval(String expression) {
        return py.eval(expression).asString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
                    os.posix_spawn('/bin/true', 'true', {})                          | TypeError: posix_spawn: argv must be a tuple or list
                    os.posix_spawnp('true', 'true', {})                              | TypeError: posix_spawnp: argv must be a tuple or list
                    os.posix_spawn('/bin/true', [], {})                              | ValueError: posix_spawn: argv must not be empty
                    os.posix_spawn('/bin/true', ['true'], None)                      | TypeError: posix_spawn: environment must be a mapping object
                    os.posix_spawn('/bin/true', ['true'], 3)                         | TypeError: posix_spawn: environment must be a mapping object
                    os.posix_spawn('/bin/true', ['true'], [])                        | AttributeError: 'list' object has no attribute 'keys'
                    os.posix_spawn('/bin/true', [''], {})                            | ValueError: posix_spawn: argv first element cannot be empty
                    os.posix_spawn('/bin/true', ['tr\\0ue'], {})                     | ValueError: embedded null byte
                    os.posix_spawn('/bin/true', [1], {})                             | TypeError: expected str, bytes or os.PathLike object, not int
                    os.posix_spawn('/bin/true', ['true'], {'': 'x'})                 | ValueError: illegal environment variable name
                    os.posix_spawn('/bin/true', ['true'], {'A=B': 'x'})              | ValueError: illegal environment variable name
                    os.posix_spawn('/bin/true', ['true'], {'A': 'x\\0'})             | ValueError: embedded null byte
                    os.posix_spawn('/bin/tr\\0ue', ['true'], {})                     | ValueError: embedded null byte
                    os.posix_spawn(3.5, ['true'], {})                                | TypeError: posix_spawn: path should be string, bytes or os.PathLike, not float
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=3)        | TypeError: file_actions must be a sequence or None
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[3])      | TypeError: Each file_actions element must be a non-empty tuple
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[()])     | TypeError: Each file_actions element must be a non-empty tuple
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[[1, 2]]) | TypeError: Each file_actions element must be a non-empty tuple
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(None,)]) | TypeError: 'NoneType' object cannot be interpreted as an integer
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(99,)])  | TypeError: Unknown file_actions identifier
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(os.POSIX_SPAWN_OPEN, 3, 'x', 0)]) | TypeError: A open file_action tuple must have 5 elements
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(os.POSIX_SPAWN_CLOSE,)])          | TypeError: A close file_action tuple must have 2 elements
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(os.POSIX_SPAWN_DUP2, 1)])         | TypeError: A dup2 file_action tuple must have 3 elements
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(os.POSIX_SPAWN_OPEN, 3, 'a\\0b', 0, 0)]) | ValueError: embedded null byte
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(os.POSIX_SPAWN_CLOSE, -1)])       | OSError: [Errno 9] Bad file descriptor
                    os.posix_spawn('/bin/true', ['true'], {}, setpgroup='023')       | TypeError: 'str' object cannot be interpreted as an integer
                    os.posix_spawn('/bin/true', ['true'], {}, setpgroup=None)        | TypeError: 'NoneType' object cannot be interpreted as an integer
                    os.posix_spawn('/bin/true', ['true'], {}, setsigmask=34)         | TypeError: 'int' object is not iterable
                    os.posix_spawn('/bin/true', ['true'], {}, setsigmask=['j'])      | TypeError: 'str' object cannot be interpreted as an integer
                    os.posix_spawn('/bin/true', ['true'], {}, setsigmask=[signal.NSIG]) | ValueError: signal number 65 out of range [1; 64]
                    os.posix_spawn('/bin/true', ['true'], {}, setsigdef=[0])         | ValueError: signal number 0 out of range [1; 64]
                    os.posix_spawn('/bin/true', ['true'], {}, scheduler=None)        | SystemError: new style getargs format but argument is not a tuple
                    os.posix_spawn('/bin/true', ['true'], {}, scheduler=(1,))        | TypeError: A scheduler tuple must have two elements
                    os.posix_spawn('/bin/true', ['true'], {}, scheduler=(None, 1))   | TypeError: must have a sched_param object
                    os.posix_spawn('/nonexistent/prog', ['prog'], {})                | FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/prog'
                    os.posix_spawn('/etc/passwd', ['passwd'], {})                    | PermissionError: [Errno 13] Permission denied: '/etc/passwd'
                    os.posix_spawnp('no-such-program-xyz', ['x'], {})                | FileNotFoundError: [Errno 2] No such file or directory: 'no-such-program-xyz'
                    os.posix_spawn('/bin/true', ['true'], {}, file_actions=[(os.POSIX_SPAWN_DUP2, 999, 1)]) | OSError: [Errno 9] Bad file descriptor: '/bin/true'
                    """)
    void validationAndErrorsAreCPythons(String call, String expected) {
        assertEquals(expected, eval("error_of(lambda: " + call + ")"));
    }

    @Test
    void errorsCarryErrnoAndThePathAsFilename() {
        // CPython's path_t keeps __fspath__'s result (not the os.PathLike) as the error's filename
        assertEquals("2 b'/nonexistent/prog' FileNotFoundError '/nonexistent/prog'", py.run("""
                        import pathlib
                        try:
                            os.posix_spawn(b'/nonexistent/prog', [b'prog'], {})
                        except OSError as e:
                            bytes_error = f'{e.errno} {e.filename!r} {type(e).__name__}'
                        try:
                            os.posix_spawn(pathlib.Path('/nonexistent/prog'), ['prog'], {})
                        except OSError as e:
                            path_filename = e.filename
                        result = f'{bytes_error} {path_filename!r}'
                        """).asString());
    }

    @Test
    void argvEnvAndPidReachTheChild() {
        assertEquals("True 0 ['a b', 'ü€', '\\udcff'] v1",
                        py.run("""
                                        pid, code, out = run(['/bin/sh', '-c', 'printf "%s|" "$$" "$0" "$@" "$FOO"', 'a b', 'ü€', b'\\xff'],
                                                             env={'FOO': 'v1', b'BAR': b'x'})
                                        parts = out.split('|')
                                        result = f"{int(parts[0]) == pid} {code} {parts[1:4]} {parts[4]}"
                                        """).asString());
    }

    @Test
    void explicitEnvIsExactlyTheChildsEnvironment() {
        assertEquals("A=1\nB=two\n", py.run("result = run(['/usr/bin/env'], env={'A': '1', 'B': 'two'})[2]").asString());
    }

    @Test
    void tenThousandArguments() {
        assertEquals("10000 9999", py.run("""
                        args = ['/bin/sh', '-c', 'echo $# ${10000}', 'sh'] + [str(i) for i in range(10000)]
                        result = run(args)[2].strip()
                        """).asString());
    }

    @Test
    void fileActionsOpenCloseDup2Combine() {
        assertEquals("hello\n|closed", py.run("""
                        import tempfile
                        path = tempfile.mktemp()
                        r, w = os.pipe()
                        pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'echo hello; if ( : <&%d ) 2>/dev/null; then echo open >&2; else echo closed >&2; fi' % r], os.environ,
                                             file_actions=[(os.POSIX_SPAWN_OPEN, 1, path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
                                                           (os.POSIX_SPAWN_CLOSE, r),
                                                           (os.POSIX_SPAWN_DUP2, w, 2)])
                        os.close(w)
                        err = os.read(r, 100).decode().strip()
                        os.close(r)
                        os.waitpid(pid, 0)
                        with open(path) as f:
                            result = f.read() + '|' + err
                        os.unlink(path)
                        """).asString());
    }

    @Test
    void setsidAndSetpgroupAreObservedByTheKernel() {
        assertEquals("True True", py.run("""
                        import time
                        pid = os.posix_spawn('/bin/sleep', ['sleep', '5'], {}, setsid=True)
                        sid_ok = os.getsid(pid) == pid
                        os.kill(pid, 9); os.waitpid(pid, 0)
                        pid = os.posix_spawn('/bin/sleep', ['sleep', '5'], {}, setpgroup=0)
                        pg_ok = os.getpgid(pid) == pid
                        os.kill(pid, 9); os.waitpid(pid, 0)
                        result = f"{sid_ok} {pg_ok}"
                        """).asString());
    }

    @Test
    void signalMaskAndDefaultsAreObservedFromProcStatus() {
        assertEquals("True True", py.run("""
                        def status_field(pid, name):
                            with open(f'/proc/{pid}/status') as f:
                                for line in f:
                                    if line.startswith(name + ':'):
                                        return int(line.split()[1], 16)
                        pid = os.posix_spawn('/bin/sleep', ['sleep', '5'], {}, setsigmask=[signal.SIGUSR1, signal.SIGTERM])
                        import time
                        for _ in range(100):
                            blocked = status_field(pid, 'SigBlk')
                            if blocked:
                                break
                            time.sleep(0.02)
                        mask_ok = blocked == (1 << (signal.SIGUSR1 - 1)) | (1 << (signal.SIGTERM - 1))
                        os.kill(pid, 9); os.waitpid(pid, 0)
                        # setsigdef: SIGUSR2 ignored in the parent stays ignored in a child, unless reset
                        previous = signal.signal(signal.SIGUSR2, signal.SIG_IGN)
                        try:
                            inherited = os.posix_spawn('/bin/sleep', ['sleep', '5'], {})
                            reset = os.posix_spawn('/bin/sleep', ['sleep', '5'], {}, setsigdef=[signal.SIGUSR2])
                        finally:
                            signal.signal(signal.SIGUSR2, previous)
                        time.sleep(0.3)
                        bit = 1 << (signal.SIGUSR2 - 1)
                        default_ok = bool(status_field(inherited, 'SigIgn') & bit) and not status_field(reset, 'SigIgn') & bit
                        for pid in (inherited, reset):
                            os.kill(pid, 9); os.waitpid(pid, 0)
                        result = f"{mask_ok} {default_ok}"
                        """).asString());
    }

    @Test
    void reservedSignalNumbersWarnLikeCPython() {
        assertEquals("RuntimeWarning: invalid signal number 32, please use valid_signals() 0", py.run("""
                        with warnings.catch_warnings(record=True) as caught:
                            warnings.simplefilter('always')
                            pid = os.posix_spawn('/bin/true', ['true'], {}, setsigmask=[32])
                        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
                        result = f"{caught[0].category.__name__}: {caught[0].message} {code}"
                        """).asString());
    }

    @Test
    void schedulerParamAndPolicyAreApplied() {
        assertEquals("0 0", py.run("""
                        pid, code, out = run(['/bin/sh', '-c', 'cut -d" " -f41 /proc/$$/stat'],
                                             scheduler=(os.SCHED_OTHER, os.sched_param(0)))
                        result = f"{code} {out.strip()}"
                        """).asString());
    }

    @Test
    void auditEventIsRaisedAfterParsingForBothFunctions() {
        assertEquals("[('os.posix_spawn', '/bin/true'), ('os.posix_spawn', 'true')] posix_spawn: argv must not be empty 2", py.run("""
                        events = []
                        def hook(event, args):
                            if event == 'os.posix_spawn':
                                events.append((event, args[0]))
                        sys.addaudithook(hook)
                        os.waitpid(os.posix_spawn('/bin/true', ['true'], {}), 0)
                        os.waitpid(os.posix_spawnp('true', ['true'], os.environ), 0)
                        error = error_of(lambda: os.posix_spawn('/bin/true', [], {}))
                        result = f"{events} {error.split(': ', 1)[1]} {len(events)}"
                        """).asString());
    }

    @Test
    void aVetoingAuditHookStopsTheSpawnBeforeAnyProcessExists() {
        assertEquals("RuntimeError: vetoed ChildProcessError", py.run("""
                        veto = [True]
                        def vetoing(event, args):
                            if event == 'os.posix_spawn' and veto[0]:
                                raise RuntimeError('vetoed')
                        sys.addaudithook(vetoing)
                        try:
                            outcome = error_of(lambda: os.posix_spawn('/bin/true', ['true'], {}))
                        finally:
                            veto[0] = False
                        result = f"{outcome} {error_of(lambda: os.waitpid(-1, os.WNOHANG)).split(':')[0]}"
                        """).asString());
    }

    @Test
    void subprocessTakesThePosixSpawnPathExactlyWhereCPythonDoes() {
        assertEquals("True [True, False, False, False, False] [0, 0, 0, 0, 0]", py.run("""
                        import subprocess
                        spawned = []
                        def spawn_hook(event, args):
                            if event == 'os.posix_spawn':
                                spawned.append(args[0])
                        sys.addaudithook(spawn_hook)
                        calls = [dict(close_fds=False),                     # every condition of 3.12 holds
                                 dict(close_fds=True),                      # the default: _fork_exec
                                 dict(close_fds=False, cwd='/'),
                                 dict(close_fds=False, start_new_session=True),
                                 dict(close_fds=False, preexec_fn=None, umask=0o22)]
                        took, codes = [], []
                        for kwargs in calls:
                            before = len(spawned)
                            codes.append(subprocess.run(['/bin/true'], **kwargs).returncode)
                            took.append(len(spawned) > before)
                        result = f"{subprocess._USE_POSIX_SPAWN} {took} {codes}"
                        """).asString());
    }

    @Test
    void forkExecReportsAFailedExecAsCPythonsChildDoes() {
        // the error record on errpipe_write and a child that exits 255, as _posixsubprocess's child
        // writes them (python3 3.11 gives the same, but "noexec" for the cwd: 3.12 added ":chdir")
        assertEquals("""
                        ('OSError:2:', 255)
                        ('OSError:d:', 255)
                        ('OSError:14:', 255)
                        ('OSError:2:noexec:chdir', 255)
                        ('OSError:d:', 255)""", py.run("""
                        import _posixsubprocess, tempfile
                        directory = tempfile.mkdtemp()
                        plain = os.path.join(directory, 'plain')
                        open(plain, 'w').close()
                        def failed_exec(executables, cwd=None):
                            r, w = os.pipe()
                            try:
                                pid = _posixsubprocess.fork_exec(['prog'], executables, True, (w,), cwd, None, -1, -1, -1, -1, -1, -1,
                                                                 r, w, True, False, -1, None, None, None, -1, None, True)
                            finally:
                                os.close(w)
                            record = os.read(r, 100)
                            os.close(r)
                            return str((record.decode(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])))
                        # CPython reports the first error but ENOENT/ENOTDIR (EACCES: 0xd), else the last (ENOTDIR: 0x14)
                        result = "\\n".join([failed_exec([b'/nonexistent/a']),
                                              failed_exec([b'/nonexistent/a', b'/etc/passwd/x', os.fsencode(plain), b'/nonexistent/b']),
                                              failed_exec([b'/etc/passwd/x']),
                                              failed_exec([b'/nonexistent/a'], cwd='/nonexistent-dir'),
                                              failed_exec([os.fsencode(directory)])])
                        """).asString());
    }

    @Test
    void noFileDescriptorLeaksOverAThousandSpawns() {
        assertEquals("True", py.run("""
                        before = sorted(os.listdir('/proc/self/fd'))
                        for _ in range(1000):
                            pid = os.posix_spawn('/bin/true', ['true'], {})
                            os.waitpid(pid, 0)
                        after = sorted(os.listdir('/proc/self/fd'))
                        result = str(before == after)
                        """).asString());
    }

    @Test
    void anotherPythonThreadProgressesWhileTheParentWaits() {
        assertEquals("True", py.run("""
                        import threading, time
                        ticks = []
                        stop = threading.Event()
                        def ticker():
                            while not stop.is_set():
                                ticks.append(1)
                                time.sleep(0.01)
                        t = threading.Thread(target=ticker)
                        t.start()
                        pid = os.posix_spawn('/bin/sleep', ['sleep', '1'], {})
                        before = len(ticks)
                        os.waitpid(pid, 0)
                        progressed = len(ticks) - before
                        stop.set(); t.join()
                        result = str(progressed > 20)
                        """).asString());
    }
}
