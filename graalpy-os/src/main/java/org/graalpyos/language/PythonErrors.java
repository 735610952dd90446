package org.graalpyos.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

import org.graalpyos.nativeapi.SystemCalls;

/**
 * Raises real Python exceptions (OSError subclasses with errno/strerror/filename, TypeError,
 * ValueError, PermissionError), never a foreign exception that {@code except Exception} would
 * miss. The shim hands us Python's {@code builtins} module once, at install time.
 */
public final class PythonErrors {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private volatile Object builtinsModule;

    public void bind(Object pythonBuiltins) {
        this.builtinsModule = pythonBuiltins;
    }

    /** OSError(errno, strerror[, filename]): Python picks the subclass (FileNotFoundError, ...). */
    @TruffleBoundary
    public RuntimeException osError(int errno, Object filename) {
        String message = SystemCalls.strerror(errno);
        if (filename == null || INTEROP.isNull(filename)) {
            return raise("OSError", errno, message);
        }
        return raise("OSError", errno, message, filename);
    }

    /** A native call's result: rc, or OSError for -errno (nativeapi's convention). */
    public int checked(int rc) {
        if (rc < 0) {
            throw osError(-rc, null);
        }
        return rc;
    }

    @TruffleBoundary
    public RuntimeException permissionError(String message) {
        return raise("PermissionError", message);
    }

    @TruffleBoundary
    public RuntimeException typeError(String message) {
        return raise("TypeError", message);
    }

    @TruffleBoundary
    public RuntimeException valueError(String message) {
        return raise("ValueError", message);
    }

    @TruffleBoundary
    public RuntimeException runtimeError(String message) {
        return raise("RuntimeError", message);
    }

    /** A fault of ours, not of the caller's input: Python's SystemError, as CPython raises for an internal error. */
    @TruffleBoundary
    public RuntimeException systemError(String message) {
        return raise("SystemError", message);
    }

    @TruffleBoundary
    public RuntimeException memoryError() {
        return raise("MemoryError");
    }

    @TruffleBoundary
    public RuntimeException overflowError(String message) {
        return raise("OverflowError", message);
    }

    private RuntimeException raise(String type, Object... args) {
        Object module = builtinsModule;
        if (module == null) {
            return new UnboundError(type + (args.length == 0 ? "" : ": " + args[args.length - 1]));
        }
        try {
            Object exception = INTEROP.instantiate(INTEROP.readMember(module, type), args);
            return INTEROP.throwException(exception);
        } catch (InteropException e) {
            return new UnboundError(type + (args.length == 0 ? "" : ": " + args[args.length - 1]) + " (" + e.getMessage() + ")");
        }
    }

    /** Only before the shim bound Python's exception types: a plain guest error with the message. */
    static final class UnboundError extends AbstractTruffleException {
        private static final long serialVersionUID = 1L;

        UnboundError(String message) {
            super(message);
        }
    }
}
