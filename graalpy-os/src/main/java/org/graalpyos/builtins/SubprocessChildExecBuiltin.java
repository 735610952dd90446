package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Errno;
import org.graalpyos.nativeapi.Libc;
import org.graalpyos.spawn.CheckedExecutables;

/**
 * subprocess_child_exec(errpipe_write, close_fds, fds_to_keep): never returns; in a child of
 * subprocess_fork only. The end of CPython 3.12's child_exec, after preexec_fn: close fds 3..
 * except fds_to_keep (close_range, else one by one), then execve each executable of the child's
 * {@link SubprocessChild.Plan} in turn with its environment (libc's environ, as execv, when it has
 * none); when none succeeded, "OSError:&lt;hex errno&gt;:" (the first error other than
 * ENOENT/ENOTDIR, else the last) on errpipe_write, then _exit(255). Once the
 * fds are closed the JVM cannot read its class files any more: from there on this code only uses
 * what {@link #linkInParent} ran in the parent, and never returns into Python.
 */
final class SubprocessChildExecBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_child_exec";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 3);
        int errpipeWrite = Args.toInt(context, args[0]);
        boolean closeFds = Args.toBoolean(context, args[1]);
        int[] keep = Wire.parseInts(Args.toJavaString(context, args[2]));
        SubprocessChild.Plan plan = SubprocessChild.current(context, name());
        CheckedExecutables executables = plan.executables();
        // every allocation before the fds are closed and the first exec
        Arena arena = Arena.ofConfined();
        MemorySegment errnoState = Libc.allocateErrnoState(arena);
        MemorySegment[] paths = new MemorySegment[executables.size()];
        int[] checkErrors = new int[paths.length];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = CStrings.of(arena, executables.path(i));
            checkErrors[i] = executables.error(i);
        }
        MemorySegment argvArray = CStrings.array(arena, plan.argv());
        MemorySegment envArray = plan.envp() != null ? CStrings.array(arena, plan.envp()) : null;
        MemorySegment record = arena.allocate(RECORD_SIZE);
        if (closeFds) {
            closeFdsExcept(errnoState, 3, keep);
        }
        int firstError = 0;
        int error = 0;
        for (int i = 0; i < paths.length; i++) {
            error = checkErrors[i] != 0 ? checkErrors[i]
                            : Libc.execve(errnoState, -1, paths[i], argvArray, envArray != null ? envArray : Libc.environ());
            if (error != Errno.ENOENT && error != Errno.ENOTDIR && firstError == 0) {
                firstError = error;
            }
        }
        Libc.write(errpipeWrite, record, formatRecord(record, firstError != 0 ? firstError : error));
        Libc.exitImmediately(255);
        throw new IllegalStateException("_exit returned");
    }

    private static final long RECORD_SIZE = 64;
    private static final byte[] OS_ERROR = {'O', 'S', 'E', 'r', 'r', 'o', 'r', ':'};
    private static final byte[] SUBPROCESS_ERROR = {'S', 'u', 'b', 'p', 'r', 'o', 'c', 'e', 's', 's', 'E', 'r', 'r', 'o', 'r', ':', '0', ':'};
    private static final byte[] HEX_DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    /**
     * "OSError:&lt;hex errno&gt;:" ("SubprocessError:0:" for errno 0) into {@code record}, without
     * allocating or formatting (no class may need loading): its length.
     */
    private static int formatRecord(MemorySegment record, int errno) {
        byte[] prefix = errno == 0 ? SUBPROCESS_ERROR : OS_ERROR;
        int length = 0;
        for (byte b : prefix) {
            record.set(ValueLayout.JAVA_BYTE, length++, b);
        }
        if (errno != 0) {
            boolean started = false;
            for (int shift = 28; shift >= 0; shift -= 4) {
                int digit = (errno >>> shift) & 0xf;
                if (digit != 0 || started || shift == 0) {
                    record.set(ValueLayout.JAVA_BYTE, length++, HEX_DIGITS[digit]);
                    started = true;
                }
            }
            record.set(ValueLayout.JAVA_BYTE, length++, (byte) ':');
        }
        return length;
    }

    /** In the parent (subprocess_prepare): runs the code the child runs after closing its fds. */
    static void linkInParent() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment record = arena.allocate(RECORD_SIZE);
            MemorySegment errnoState = Libc.allocateErrnoState(arena);
            for (int errno : new int[]{0, Errno.ENOENT, 0x1234}) {
                Libc.write(-1, record, formatRecord(record, errno));
            }
            Libc.execve(errnoState, -1, arena.allocate(1), CStrings.array(arena, List.of()), Libc.environ()); // "": ENOENT
        }
    }

    /** Closes every fd from {@code first} up, except the sorted {@code keep}: close_range between them. */
    private static void closeFdsExcept(MemorySegment errnoState, int first, int[] keep) {
        int start = first;
        for (int fd : keep) {
            if (fd < start) {
                continue;
            }
            closeRange(errnoState, start, fd - 1);
            start = fd + 1;
        }
        closeRange(errnoState, start, Integer.MAX_VALUE);
    }

    private static void closeRange(MemorySegment errnoState, int first, int last) {
        if (first > last || Libc.closeRange(errnoState, first, last) == 0) {
            return;
        }
        // no close_range (glibc < 2.34, Linux < 5.9): each fd up to the limit, errors ignored
        long max = Libc.openMax(errnoState);
        long end = Math.min(last, max < 0 ? 256 : max - 1);
        for (long fd = first; fd <= end; fd++) {
            Libc.closeChecked(errnoState, (int) fd);
        }
    }
}
