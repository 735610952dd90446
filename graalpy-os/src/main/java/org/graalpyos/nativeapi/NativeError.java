package org.graalpyos.nativeapi;

/** A libc call failed with this errno; the language layer turns it into Python's OSError subclass. */
public final class NativeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public NativeError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return "[Errno " + errno + "] " + Libc.strerror(errno);
    }
}
