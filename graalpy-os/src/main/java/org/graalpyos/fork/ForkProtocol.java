package org.graalpyos.fork;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.graalpy.GraalPyInternals;
import org.graalpyos.jvm.JvmInternals;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.ForkChildCalls;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.nativeapi.Signals;

/**
 * fork(2) of a HotSpot JVM running GraalPy, turning silent hangs into retries or loud failures
 * (../shared/reference/hotspot-fork.md): new JIT jobs are paused around the fork; the child's
 * first act is a handshake byte, then a self-check; a child that does not answer in time, or finds
 * the JVM unsafe, is killed and reaped and the fork is tried again, before any Python code ran in
 * it, so the retry is invisible. Python-level steps (hooks, import lock, audit) are the shim's.
 */
public final class ForkProtocol {
    private static final int MAX_ATTEMPTS = 8;
    /** How long the parent waits, before forking, for the JVM to hold no lock and run no VM operation. */
    private static final long QUIET_WAIT_NANOS = 200_000_000L;
    private static final int HANDSHAKE_MILLIS = Integer.getInteger("graalpyos.fork.handshakeMillis", 100);
    /** The child's recovery (jar fds, GraalPy state, watchdog) before it reports ready. */
    private static final int READY_MILLIS = Integer.getInteger("graalpyos.fork.readyMillis", 2000);
    private static final byte HANDSHAKE = 'H';
    private static final byte READY = 'R';
    /** Followed by one byte: {@link #encodeUnsafeState}. */
    private static final byte UNSAFE = 'U';

    /** Why a fork cannot be done here at all. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static volatile ForkProtocol instance;

    private final JvmInternals jvm;
    private final GraalPyInternals graalpy;
    private Watchdog watchdog;
    /** Null where the JVM's signal state cannot be read: a child then ignores the signals the JVM takes. */
    private SignalRelay signalRelay;
    private QuitSignal quitSignal;
    private int retries;

    private ForkProtocol(JvmInternals jvm, GraalPyInternals graalpy) {
        this.jvm = jvm;
        this.graalpy = graalpy;
    }

    /** The protocol for this JVM, prepared on first use; throws {@link Refused} where forking is unsafe. */
    public static synchronized ForkProtocol get() {
        if (instance == null) {
            String refusal = refusal();
            if (refusal != null) {
                throw new Refused(refusal);
            }
            ForkProtocol protocol = new ForkProtocol(JvmInternals.get(), GraalPyInternals.get());
            protocol.prepare();
            instance = protocol;
        }
        return instance;
    }

    private static String refusal() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("ZGC")) {
                return "os.fork() is refused under ZGC: its heap is shared memory, not copied, so a child would corrupt "
                                + "its parent; run with -XX:+UseG1GC (the launcher's default)";
            }
        }
        if (JvmInternals.get() == null) {
            return "os.fork() is unavailable: graalpy-os cannot read this JVM's state, so it could not keep a child from "
                            + "hanging (" + JvmInternals.unavailableReason() + ")";
        }
        if (GraalPyInternals.get() == null) {
            return "os.fork() is unavailable: " + GraalPyInternals.unavailableReason();
        }
        return null;
    }

    /** Loads and builds in the parent everything the child will run, so the child loads nothing. */
    private void prepare() {
        ClassPreloader.preload();
        try {
            JarFds.reopenAll(true);
        } catch (java.io.IOException e) {
            throw new Refused("os.fork() is unavailable: cannot list this process's fds (" + e.getMessage() + ")");
        }
        graalpy.prepareForChild();
        watchdog = Watchdog.prepare(jvm);
        signalRelay = SignalRelay.prepare(jvm, graalpy);
        quitSignal = QuitSignal.prepare();
        ForkChildCalls.linkForkChildCalls();
        Arena.global().allocate(1).set(JAVA_BYTE, 0, HANDSHAKE); // links the child's byte access
        unsafeState();
    }

    /** No unsafe state. */
    private static final int SAFE = -1;
    private static final int SAFEPOINT = -2;
    private static final int VM_OPERATION = -3;
    private static final int CHUNK_POOL = -4;

    /**
     * The self-check, also the parent's wait for a quiet moment: {@link #SAFE}, another negative
     * code, or the index of a HotSpot mutex that is held. Pure reads of JVM state.
     */
    private int unsafeState() {
        if (jvm.safepointActive()) {
            return SAFEPOINT;
        }
        if (jvm.vmOperationPending()) {
            return VM_OPERATION;
        }
        if (jvm.chunkPoolLocked()) {
            return CHUNK_POOL;
        }
        int mutex = jvm.firstOwnedMutex();
        return mutex >= 0 ? mutex : SAFE;
    }

    private String describeUnsafeState(int state) {
        return switch (state) {
            case SAFEPOINT -> "a safepoint was in progress at fork";
            case VM_OPERATION -> "a VM operation was pending at fork";
            case CHUNK_POOL -> "the JVM's chunk pool mutex was held at fork";
            default -> "the JVM mutex " + jvm.mutexName(state) + " was held at fork";
        };
    }

    /** Waits a little for a moment when no JVM thread holds a lock a child would need (JIT work ends quickly). */
    private void awaitQuietJvm() {
        long deadline = System.nanoTime() + QUIET_WAIT_NANOS;
        while (unsafeState() != SAFE && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Retries so far (children discarded before running Python), for diagnostics and tests. */
    public synchronized int retries() {
        return retries;
    }

    /** Forks: the child's pid in the parent, 0 in the child; throws {@link NativeError} or {@link Refused}. */
    public synchronized int fork() {
        HostAtForkCallbacks.runBefore();
        int pid = 0;
        try {
            pid = forkWithRetries();
            return pid;
        } finally {
            if (pid == 0 && inChild) {
                HostAtForkCallbacks.runAfterInChild();
            } else {
                HostAtForkCallbacks.runAfterInParent();
            }
        }
    }

    /** Set in a child by {@link #startChild}. */
    private boolean inChild;

    private int forkWithRetries() {
        String reason = "";
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment pipe = arena.allocate(JAVA_INT, 2);
            MemorySegment pollfd = arena.allocate(FileCalls.POLLFD_SIZE, 8);
            MemorySegment oneByte = arena.allocate(1);
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                NativeError.check(FileCalls.pipeCloexec(errnoState, pipe));
                int readEnd = pipe.get(JAVA_INT, 0);
                int writeEnd = pipe.get(JAVA_INT, 4);
                int compilation = jvm.pauseCompilation();
                awaitQuietJvm();
                int pid = ProcessCalls.fork(errnoState);
                if (pid == 0) {
                    startChild(errnoState, readEnd, writeEnd, oneByte);
                    return 0;
                }
                jvm.resumeCompilation(compilation);
                FileCalls.close(errnoState, writeEnd);
                if (pid < 0) {
                    FileCalls.close(errnoState, readEnd);
                    throw new NativeError(-pid);
                }
                reason = awaitReady(errnoState, pollfd, oneByte, readEnd, pid);
                FileCalls.close(errnoState, readEnd);
                if (reason == null) {
                    return pid;
                }
                retries++;
                if (attempt == MAX_ATTEMPTS - 1) {
                    // the last try starts from an empty eden and an idle VM thread
                    System.gc();
                }
                backOff(attempt);
            }
        }
        throw new Refused("os.fork() failed: the JVM could not be forked safely in " + MAX_ATTEMPTS + " attempts (last: " + reason
                        + "); " + ChildExit.REMEDY);
    }

    /** Lets a transient JVM state (a compilation holding a lock, a safepoint) pass: 5, 10, 20 ... 320 ms. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(5L << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** null when the child is ready; else why it was discarded (it is killed and reaped by then). */
    private String awaitReady(MemorySegment errnoState, MemorySegment pollfd, MemorySegment oneByte, int readEnd, int pid) {
        int first = awaitByte(errnoState, pollfd, oneByte, readEnd, HANDSHAKE_MILLIS);
        if (first != HANDSHAKE) {
            int status = discard(errnoState, pid);
            if (first == -1) {
                return "no handshake within " + HANDSHAKE_MILLIS + " ms (a safepoint was armed at fork)";
            }
            if (first == UNSAFE) { // the child's self-check names the state: a mutex index or a negative code, one byte
                int code = awaitByte(errnoState, pollfd, oneByte, readEnd, 0);
                return code < 0 ? ChildExit.UNSAFE_AT_FORK.cause : describeUnsafeState(code >= 0x80 ? code - 0x100 : code);
            }
            return describe(status, "the child ended before its handshake");
        }
        int second = awaitByte(errnoState, pollfd, oneByte, readEnd, READY_MILLIS);
        if (second == READY) {
            return null;
        }
        int status = discard(errnoState, pid);
        if (second == -1) {
            return "the child did not finish its recovery within " + READY_MILLIS + " ms";
        }
        return describe(status, "the child's recovery failed");
    }

    private static String describe(int status, String otherwise) {
        if ((status & 0x7f) == 0 && (status >> 8 & 0xff) == ChildExit.UNSAFE_AT_FORK.status) {
            return ChildExit.UNSAFE_AT_FORK.cause;
        }
        return otherwise + " (wait status " + status + ")";
    }

    /** The next byte (0-255) from fd, -1 on timeout, -2 at end of file. */
    private static int awaitByte(MemorySegment errnoState, MemorySegment pollfd, MemorySegment oneByte, int fd, int timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int remaining = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            int ready = FileCalls.pollIn(errnoState, pollfd, new int[]{fd}, remaining);
            if (ready > 0) {
                long n = FileCalls.read(errnoState, fd, oneByte, 1);
                return n == 1 ? oneByte.get(JAVA_BYTE, 0) & 0xff : -2;
            }
            if (ready == 0 || remaining == 0) {
                return -1;
            }
            // EINTR: poll again until the deadline
        }
    }

    /** Kills and reaps a child that ran no Python code; returns its wait status (-1 if another thread reaped it). */
    private static int discard(MemorySegment errnoState, int pid) {
        ProcessCalls.kill(errnoState, pid, Signals.SIGKILL);
        try {
            return org.graalpyos.wait.Wait.reap(pid);
        } catch (NativeError e) {
            return -1;
        }
    }

    /**
     * The child's first steps, before any Python code runs in it. Until the self-check has passed
     * it only runs code linked in the parent ({@link #prepare()}).
     */
    private void startChild(MemorySegment errnoState, int readEnd, int writeEnd, MemorySegment oneByte) {
        int state = unsafeState();
        if (state != SAFE) {
            oneByte.set(JAVA_BYTE, 0, UNSAFE);
            ForkChildCalls.writeCritical(errnoState, writeEnd, oneByte, 1);
            oneByte.set(JAVA_BYTE, 0, (byte) (state & 0xff));
            ForkChildCalls.writeCritical(errnoState, writeEnd, oneByte, 1);
            ProcessCalls.exitImmediately(ChildExit.UNSAFE_AT_FORK.status);
        }
        oneByte.set(JAVA_BYTE, 0, HANDSHAKE);
        ForkChildCalls.writeCritical(errnoState, writeEnd, oneByte, 1);
        Watchdog childWatchdog = watchdog;
        if (signalRelay != null) {
            signalRelay.clearPending();
        }
        try {
            childWatchdog.start();
            FileCalls.close(errnoState, readEnd);
            JarFds.reopenAll(false);
            graalpy.reinitializeInChild();
            quitSignal.restoreDefault();
            if (signalRelay != null) {
                signalRelay.start();
            }
            watchdog = Watchdog.prepare(jvm); // for this child's own forks
        } catch (Throwable t) {
            byte[] text = (ChildExit.RECOVERY_FAILED.message().trim() + " (" + t + ")\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment line = arena.allocate(text.length);
                MemorySegment.copy(text, 0, line, JAVA_BYTE, 0, text.length);
                FileCalls.write(errnoState, 2, line, text.length);
            }
            ProcessCalls.exitImmediately(ChildExit.RECOVERY_FAILED.status);
        }
        inChild = true;
        ChildThreads.forkedBy(Thread.currentThread());
        childWatchdog.childReady();
        oneByte.set(JAVA_BYTE, 0, READY);
        ForkChildCalls.writeCritical(errnoState, writeEnd, oneByte, 1);
        FileCalls.close(errnoState, writeEnd);
    }
}
