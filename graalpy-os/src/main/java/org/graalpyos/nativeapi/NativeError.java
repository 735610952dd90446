package org.graalpyos.nativeapi;

/** A libc call failed with this errno; the language layer turns it into Python's OSError subclass. */
public final class NativeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public NativeError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    /** The one conversion of the calls' convention to an exception: {@code rc} when non-negative, else throws NativeError(-rc). */
    public static long check(long rc) {
        if (rc < 0) {
            throw new NativeError((int) -rc);
        }
        return rc;
    }

    public int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return "[Errno " + errno + "] " + SystemCalls.strerror(errno);
    }
}
