package org.graalpyos.jvm;

import java.lang.foreign.MemorySegment;
import java.util.Set;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.nativeapi.Signals;

/**
 * What the JVM is doing, read from HotSpot's own variables: a pending VM operation, an armed
 * safepoint, owned global mutexes, and the switch that lets the JIT take new jobs. Every read is
 * allocation-free, so a forked child's watchdog can use it when the heap is spent.
 */
public final class JvmInternals {
    private static final String SAFEPOINT_STATE = "_ZN20SafepointSynchronize6_stateE";
    private static final String NEXT_VM_OPERATION = "_ZN8VMThread18_next_vm_operationE";
    private static final String COMPILE_NEW_JOBS = "_ZN13CompileBroker24_should_compile_new_jobsE";
    /** Pointer to the pthread mutex of HotSpot's chunk pool (arena memory of every VM thread and compiler). */
    private static final String CHUNK_POOL_MUTEX = "_ZL20GlobalChunkPoolMutex";
    /** The JVM's count of delivered, not yet dispatched signals per number (int[NSIG + 1]). */
    private static final String PENDING_SIGNALS = "_ZL15pending_signals";
    /** Pointer to the Semaphore (a sem_t first) the Signal Dispatcher thread waits on. */
    private static final String SIGNAL_SEMAPHORE = "_ZL13sig_semaphore";
    /** Offset of the pthread mutex's lock word in a HotSpot Mutex (after Mutex::_owner). */
    private static final long MUTEX_LOCK_WORD = 8;
    /** CompileBroker's stop_compilation. */
    private static final int STOP_COMPILATION = 0;

    private final MemorySegment safepointState;
    private final MemorySegment nextVmOperation;
    private final MemorySegment compileNewJobs;
    private final MemorySegment chunkPoolMutexPointer;
    private final MemorySegment pendingSignals;
    private final MemorySegment signalSemaphorePointer;
    private final String[] mutexNames;
    private final String[] vmOperationNames;
    private final long[] vmOperationVtables;
    /** The owner word of each global mutex, or empty when the layout could not be confirmed. */
    private final MemorySegment[] mutexOwners;

    private JvmInternals(LibJvmSymbols symbols) {
        this.safepointState = at(symbols.base + symbols.symbols.get(SAFEPOINT_STATE), 4);
        this.nextVmOperation = at(symbols.base + symbols.symbols.get(NEXT_VM_OPERATION), 8);
        this.compileNewJobs = at(symbols.base + symbols.symbols.get(COMPILE_NEW_JOBS), 4);
        Long chunkPool = symbols.symbols.get(CHUNK_POOL_MUTEX);
        this.chunkPoolMutexPointer = chunkPool == null ? null : at(symbols.base + chunkPool, 8);
        Long pending = symbols.symbols.get(PENDING_SIGNALS);
        Long semaphore = symbols.symbols.get(SIGNAL_SEMAPHORE);
        boolean signals = pending != null && semaphore != null;
        this.pendingSignals = signals ? at(symbols.base + pending, 4L * (Signals.NSIG + 1)) : null;
        this.signalSemaphorePointer = signals ? at(symbols.base + semaphore, 8) : null;
        this.vmOperationNames = symbols.vmOperationVtables.keySet().toArray(String[]::new);
        this.vmOperationVtables = new long[vmOperationNames.length];
        for (int i = 0; i < vmOperationNames.length; i++) {
            vmOperationVtables[i] = symbols.vmOperationVtables.get(vmOperationNames[i]);
        }
        String[] names = symbols.mutexes.keySet().toArray(String[]::new);
        MemorySegment[] owners = new MemorySegment[names.length];
        int owned = 0;
        for (int i = 0; i < names.length; i++) {
            owners[i] = at(symbols.mutexes.get(names[i]), MUTEX_LOCK_WORD + 4);
            if (owners[i].get(JAVA_LONG, 0) != 0) {
                owned++;
            }
        }
        // Mutex::_owner is the first word; if most "owners" of an idle JVM are set, the layout is
        // not the one we know (e.g. a vtable first) and the check would only produce noise.
        boolean layoutKnown = names.length > 0 && owned * 2 < names.length;
        this.mutexNames = layoutKnown ? names : new String[0];
        this.mutexOwners = layoutKnown ? owners : new MemorySegment[0];
    }

    private static MemorySegment at(long address, long size) {
        return MemorySegment.ofAddress(address).reinterpret(size);
    }

    private static final class Holder {
        static final JvmInternals INSTANCE;
        static final String FAILURE;

        static {
            JvmInternals instance = null;
            String failure = null;
            try {
                instance = new JvmInternals(LibJvmSymbols.read(Set.of(SAFEPOINT_STATE, NEXT_VM_OPERATION, COMPILE_NEW_JOBS),
                                Set.of(CHUNK_POOL_MUTEX, PENDING_SIGNALS, SIGNAL_SEMAPHORE)));
            } catch (Exception | LinkageError e) {
                failure = e.getMessage();
            }
            INSTANCE = instance;
            FAILURE = failure;
        }
    }

    /** This JVM's internals, or null when they cannot be read (see {@link #unavailableReason()}). */
    public static JvmInternals get() {
        return Holder.INSTANCE;
    }

    public static String unavailableReason() {
        return Holder.FAILURE;
    }

    /**
     * The JVM's per-signal counts of signals its handler took and its Signal Dispatcher thread has
     * not yet dispatched, or null when unknown (no symbol, or -Xrs: no dispatcher at all).
     */
    public MemorySegment pendingSignals() {
        return signalSemaphore() == null ? null : pendingSignals;
    }

    /** The sem_t the JVM's signal handler posts for each signal, or null (see {@link #pendingSignals()}). */
    public MemorySegment signalSemaphore() {
        if (signalSemaphorePointer == null) {
            return null;
        }
        long address = signalSemaphorePointer.get(JAVA_LONG, 0);
        return address == 0 ? null : at(address, 32);
    }

    /** A VM operation (a GC, most often) waits for a VM thread. */
    public boolean vmOperationPending() {
        return nextVmOperation.get(JAVA_LONG, 0) != 0;
    }

    /** The kind of the pending VM operation as an index into {@link #vmOperationNames()}, or -1 (allocation-free). */
    public int pendingVmOperationKind() {
        long operation = nextVmOperation.get(JAVA_LONG, 0);
        if (operation == 0) {
            return -1;
        }
        long vtable = MemorySegment.ofAddress(operation).reinterpret(8).get(JAVA_LONG, 0);
        for (int i = 0; i < vmOperationVtables.length; i++) {
            if (vmOperationVtables[i] == vtable) {
                return i;
            }
        }
        return -1;
    }

    /** HotSpot's VM operation classes, e.g. "VM_G1CollectForAllocation", "VM_HandshakeAllThreads". */
    public String[] vmOperationNames() {
        return vmOperationNames.clone();
    }

    /** A safepoint is being synchronized or is in effect. */
    public boolean safepointActive() {
        return safepointState.get(JAVA_INT, 0) != 0;
    }

    /** Index of the first global JVM mutex that has an owner (or whose pthread mutex is locked), or -1. */
    public int firstOwnedMutex() {
        for (int i = 0; i < mutexOwners.length; i++) {
            if (mutexOwners[i].get(JAVA_LONG, 0) != 0 || mutexOwners[i].get(JAVA_INT, MUTEX_LOCK_WORD) != 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the raw pthread mutex of HotSpot's chunk pool (arena memory of VM code and compilers)
     * is locked; it is invisible to {@link #firstOwnedMutex()}. Holding it across fork(2) as a
     * pthread_atfork handler would deadlocks the parent: a safepoint can stop the holder on its
     * way back to Java while the VM operation needs the pool.
     */
    public boolean chunkPoolLocked() {
        if (chunkPoolMutexPointer == null) {
            return false;
        }
        long address = chunkPoolMutexPointer.get(JAVA_LONG, 0);
        return address != 0 && MemorySegment.ofAddress(address).reinterpret(4).get(JAVA_INT, 0) != 0;
    }

    public String mutexName(int index) {
        return mutexNames[index];
    }

    /** Stops new JIT compilations; returns the previous state for {@link #resumeCompilation}. */
    public int pauseCompilation() {
        int previous = compileNewJobs.get(JAVA_INT, 0);
        compileNewJobs.set(JAVA_INT, 0, STOP_COMPILATION);
        return previous;
    }

    public void resumeCompilation(int previous) {
        compileNewJobs.set(JAVA_INT, 0, previous);
    }
}
