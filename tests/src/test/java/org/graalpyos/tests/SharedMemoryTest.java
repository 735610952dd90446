package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * multiprocessing.shared_memory (GraalPy's _posixshmem had no shm_open) and Manager under every start
 * method, in real launcher processes. Expected outputs are python3's (CPython 3.11) for the same scripts.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SharedMemoryTest {

    /**
     * Two workers per start method increment one shared byte under a lock and record it in a Manager
     * dict (the fork context's Manager server is spawned: as a forked JVM child it exited 73 at its
     * first request).
     */
    @Test
    void sharedMemoryAndManagerUnderEveryStartMethod() throws Exception {
        Launcher.Result r = Launcher.script(540, Map.of(), """
                        import multiprocessing as mp
                        from multiprocessing import shared_memory


                        def work(shared, name, lock):
                            block = shared_memory.SharedMemory(name=name)
                            with lock:
                                block.buf[0] += 1
                                shared["seen"] = shared.get("seen", 0) + block.buf[0]
                            block.close()


                        if __name__ == "__main__":
                            for method in ("fork", "spawn", "forkserver"):
                                ctx = mp.get_context(method)
                                block = shared_memory.SharedMemory(create=True, size=16)
                                try:
                                    with ctx.Manager() as manager:
                                        shared, lock = manager.dict(), ctx.Lock()
                                        workers = [ctx.Process(target=work, args=(shared, block.name, lock)) for _ in range(2)]
                                        for w in workers:
                                            w.start()
                                        for w in workers:
                                            w.join()
                                        print(method, [w.exitcode for w in workers], block.buf[0], shared["seen"], flush=True)
                                finally:
                                    block.close()
                                    block.unlink()
                        """);
        assertEquals("fork [0, 0] 2 3\nspawn [0, 0] 2 3\nforkserver [0, 0] 2 3\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("Traceback"), r.stderr()); // the resource tracker knows shared_memory
    }

    @Test
    void shmOpenChecksItsArgumentsAndReportsErrorsAsCPython() throws Exception {
        Launcher.Result r = Launcher.script(240, Map.of(), """
                        import _posixshmem, errno, os

                        def show(*args, **kwargs):
                            try:
                                fd = _posixshmem.shm_open(*args, **kwargs)
                                print("fd", os.get_inheritable(fd), oct(os.stat(fd).st_mode & 0o777))
                                os.close(fd)
                            except Exception as e:
                                if isinstance(e, OSError):  # the path as given names the error
                                    print(type(e).__name__, errno.errorcode[e.errno], e.filename == args[0])
                                else:
                                    print(type(e).__name__, e)

                        old_umask = os.umask(0)
                        name = f"/graalpyos_test_{os.getpid()}"
                        show(name, os.O_CREAT | os.O_RDWR, 0o640)
                        show(name, os.O_CREAT | os.O_EXCL | os.O_RDWR)
                        show(name[1:], os.O_RDWR)
                        show("/" + name, flags=os.O_RDWR, mode=-1)
                        _posixshmem.shm_unlink(name)
                        show(name, os.O_RDWR)
                        show("/", os.O_RDWR)
                        show("/a/b", os.O_RDWR)
                        show("/" + "a" * 255, os.O_RDWR)
                        show("/" + "a" * 256, os.O_RDWR)
                        show("/" + "a" * 260, os.O_RDWR)
                        show(b"/x", os.O_RDWR)
                        show("/x", "r")
                        show("/x", os.O_RDWR, 2**40)
                        show("/x")
                        show("/\\udcff", os.O_RDWR)
                        show(b"/x", "r")
                        for path in (name, "/a/b", b"/x"):
                            try:
                                _posixshmem.shm_unlink(path)
                            except Exception as e:
                                print("unlink", type(e).__name__, e)
                        """);
        assertEquals("""
                        fd False 0o640
                        FileExistsError EEXIST True
                        fd False 0o640
                        fd False 0o640
                        FileNotFoundError ENOENT True
                        OSError EINVAL True
                        OSError EINVAL True
                        FileNotFoundError ENOENT True
                        OSError ENAMETOOLONG True
                        OSError EINVAL True
                        TypeError shm_open() argument 'path' must be str, not bytes
                        TypeError 'str' object cannot be interpreted as an integer
                        OverflowError Python int too large to convert to C int
                        TypeError shm_open() missing required argument 'flags' (pos 2)
                        UnicodeEncodeError 'utf-8' codec can't encode character '\\udcff' in position 1: surrogates not allowed
                        TypeError shm_open() argument 'path' must be str, not bytes
                        unlink FileNotFoundError [Errno 2] No such file or directory: '/graalpyos_test_PID'
                        unlink FileNotFoundError [Errno 2] No such file or directory: '/a/b'
                        unlink TypeError shm_unlink() argument 'path' must be str, not bytes
                        """, r.stdout().replaceAll("graalpyos_test_\\d+", "graalpyos_test_PID"), r.stderr());
    }
}
