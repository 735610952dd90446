package org.graalpyos.fork;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.graalpyos.jvm.JvmInternals;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ForkChildCalls;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * The child's allocation-free watchdog: when the child asks the JVM for a VM operation (a GC
 * once the eden space free at fork is spent, a deoptimization after loading a class) no VM thread
 * exists to run it and the child would hang forever; the watchdog notices within a few
 * milliseconds, prints one line on stderr naming the operation and ends the child with
 * {@link ChildExit#NEEDS_GC} or {@link ChildExit#NEEDS_VM_OPERATION}. Everything it touches is
 * built in the parent.
 */
final class Watchdog extends Thread {
    private static final long TICK_NANOS = 2_000_000;
    private static final int STDERR = 2;
    private static final boolean KEEP_STUCK_CHILD = Boolean.getBoolean("graalpyos.fork.keepStuckChild");

    private final JvmInternals jvm;
    /** Per VM operation kind (index of JvmInternals#vmOperationNames), its exit status and line; the last entry for unknown kinds. */
    private final int[] statuses;
    private final MemorySegment[] messages;
    private final MemorySegment tick;
    /** This thread's, allocated in the parent: the watchdog allocates nothing. */
    private final MemorySegment errnoState;
    /** Until the child reported ready, it ran no Python code: it ends quietly and the parent retries. */
    private volatile boolean childReady;

    private Watchdog(JvmInternals jvm, int[] statuses, MemorySegment[] messages, MemorySegment tick, MemorySegment errnoState) {
        super("graalpy-os-fork-watchdog");
        setDaemon(true);
        this.jvm = jvm;
        this.statuses = statuses;
        this.messages = messages;
        this.tick = tick;
        this.errnoState = errnoState;
    }

    private static volatile Watchdog template;

    /** Built in the parent, started in each child; the messages are built once per process. */
    static synchronized Watchdog prepare(JvmInternals jvm) {
        if (template == null) {
            String[] operations = jvm.vmOperationNames();
            int[] statuses = new int[operations.length + 1];
            MemorySegment[] messages = new MemorySegment[operations.length + 1];
            for (int i = 0; i <= operations.length; i++) {
                String name = i < operations.length ? operations[i] : "unknown";
                boolean gc = name.contains("Collect") || name.contains("GC");
                ChildExit exit = gc ? ChildExit.NEEDS_GC : ChildExit.NEEDS_VM_OPERATION;
                statuses[i] = exit.status;
                messages[i] = nativeText(exit.message(name.equals("VM_HandshakeAllThreads") ? name + ": deoptimization after a class was loaded" : name));
            }
            MemorySegment tick = Arena.global().allocate(16, 8);
            tick.set(JAVA_LONG, 0, 0);
            tick.set(JAVA_LONG, 8, TICK_NANOS);
            template = new Watchdog(jvm, statuses, messages, tick, Downcalls.allocateErrnoState(Arena.global()));
        }
        return new Watchdog(jvm, template.statuses, template.messages, template.tick, template.errnoState);
    }

    private static MemorySegment nativeText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment segment = Arena.global().allocate(bytes.length);
        MemorySegment.copy(bytes, 0, segment, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
        return segment;
    }

    void childReady() {
        childReady = true;
    }

    @Override
    public void run() {
        while (!jvm.vmOperationPending()) {
            ForkChildCalls.sleepCritical(errnoState, tick);
        }
        if (KEEP_STUCK_CHILD) { // for attaching gdb to a child instead of ending it
            while (true) {
                ForkChildCalls.sleepCritical(errnoState, tick);
            }
        }
        if (!childReady) {
            ProcessCalls.exitImmediately(ChildExit.UNSAFE_AT_FORK.status);
        }
        int kind = jvm.pendingVmOperationKind();
        int index = kind < 0 ? messages.length - 1 : kind;
        ForkChildCalls.writeCritical(errnoState, STDERR, messages[index], messages[index].byteSize());
        ProcessCalls.exitImmediately(statuses[index]);
    }
}
