package org.graalpyos.spawn;

/** A posix_spawn_file_actions_add* or attribute call failed: CPython raises OSError without a filename. */
public final class SpawnSetupError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    SpawnSetupError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
