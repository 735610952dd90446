"""multiprocessing's resource tracker cleans up shared_memory again: GraalPy's copy left its entry
out (no shm support then), so every SharedMemory made the tracker print a ValueError traceback and
a leaked segment stayed in /dev/shm."""


def patch(resource_tracker):
    import _posixshmem  # its shm_unlink is graalpy_os/posixshmem.py's

    resource_tracker._CLEANUP_FUNCS.setdefault("shared_memory", _posixshmem.shm_unlink)
