package org.graalpyos.functions.posixshmem;

import java.util.List;

import org.graalpyos.functions.PythonFunction;

/** _posixshmem.shm_open and shm_unlink: graalpy_os/posixshmem.py is their body. */
public final class SharedMemory {
    private SharedMemory() {
    }

    public static List<PythonFunction> all() {
        return List.of(
                        new PythonFunction("posixshmem", "_posixshmem.shm_open(path: unicode, flags: int, mode: int = 511) -> object",
                                        "Open a shared memory object.  Returns a file descriptor (integer)."),
                        new PythonFunction("posixshmem", "_posixshmem.shm_unlink(path: unicode) -> object", """
                                        Remove a shared memory object (similar to unlink()).

                                        Remove a shared memory object name, and, once all processes  have  unmapped
                                        the object, de-allocates and destroys the contents of the associated memory
                                        region."""));
    }
}
