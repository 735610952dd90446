package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.graalpyos.spawn.FileAction;
import org.graalpyos.subprocess.CheckedExecutables;
import org.graalpyos.subprocess.ChildPlan;
import org.graalpyos.subprocess.ErrorRecord;
import org.graalpyos.subprocess.SubprocessSpawn;

/**
 * The Java parts of subprocess's child that need no Python: a child_exec plan as posix_spawn file
 * actions, in CPython 3.12's child_exec order, and the error record subprocess.py parses.
 */
class ChildPlanTest {
    private static final CheckedExecutables TRUE = new CheckedExecutables(List.of("/bin/true".getBytes(StandardCharsets.US_ASCII)), new int[1]);

    private static ChildPlan plan(int[] keep, int p2cread, int p2cwrite, int c2pread, int c2pwrite, int errread, int errwrite, int errpipeRead,
                    int errpipeWrite, boolean closeFds) {
        return new ChildPlan(TRUE, List.of(), null, null, keep, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipeRead,
                        errpipeWrite, closeFds, false, false, -1, -1, new int[0], -1, -1);
    }

    @Test
    void aPlanBecomesChildExecsFdStepsInItsOrder() {
        // fds to keep inheritable (errpipe_write aside), the parent's ends closed, then the child's ends on 0-2
        assertEquals(List.of(new FileAction.Dup2(9, 9), new FileAction.Close(4), new FileAction.Close(6), new FileAction.Close(8),
                        new FileAction.Close(10), new FileAction.Dup2(3, 0), new FileAction.Dup2(5, 1), new FileAction.Dup2(7, 2)),
                        SubprocessSpawn.fileActions(plan(new int[]{9, 11}, 3, 4, 6, 5, 8, 7, 10, 11, false)));
        assertEquals(List.of(new FileAction.Close(5), new FileAction.Close(3), new FileAction.Dup2(6, 1), new FileAction.Dup2(6, 2)),
                        SubprocessSpawn.fileActions(plan(new int[0], -1, -1, 5, 6, -1, 6, 3, 4, false)));
    }

    @Test
    void closeFdsEndsWithCloseFromAboveTheHighestKeptFd() {
        List<FileAction> actions = SubprocessSpawn.fileActions(plan(new int[0], -1, -1, -1, -1, -1, -1, 3, 4, true));
        assertEquals(new FileAction.CloseFrom(3), actions.getLast());
    }

    @Test
    void aPipeEndOnAStandardFdThatADup2WouldOverwriteNeedsTheForkPath() {
        assertNull(SubprocessSpawn.fileActions(plan(new int[0], -1, -1, -1, 0, -1, -1, 3, 4, false))); // c2pwrite 0
        assertNull(SubprocessSpawn.fileActions(plan(new int[0], -1, -1, -1, -1, -1, 1, 3, 4, false))); // errwrite 1
    }

    @Test
    void credentialsAProcessGroupOrAUmaskNeedTheForkPath() {
        ChildPlan plain = plan(new int[0], -1, -1, -1, -1, -1, -1, 3, 4, false);
        assertEquals(false, plain.needsFork());
        assertTrue(new ChildPlan(TRUE, List.of(), null, null, new int[0], -1, -1, -1, -1, -1, -1, 3, 4, false, false, false, -1, 0022,
                        new int[0], -1, -1).needsFork());
        assertTrue(new ChildPlan(TRUE, List.of(), null, null, new int[0], -1, -1, -1, -1, -1, -1, 3, 4, false, false, false, -1, -1,
                        new int[0], 1000, -1).needsFork());
    }

    @Test
    void errorRecordsAreWhatSubprocessParses() {
        // subprocess.py: exception_name, hex_errno, err_msg = errpipe_data.split(b':', 2)
        assertEquals("OSError:2:", record(r -> ErrorRecord.osError(r, 2, ErrorRecord.Stage.EXEC)));
        assertEquals("OSError:1f:noexec", record(r -> ErrorRecord.osError(r, 0x1f, ErrorRecord.Stage.SETUP)));
        assertEquals("OSError:d:noexec:chdir", record(r -> ErrorRecord.osError(r, 13, ErrorRecord.Stage.CHDIR)));
        assertEquals("SubprocessError:0:", record(r -> ErrorRecord.osError(r, 0, ErrorRecord.Stage.EXEC)));
        assertEquals("SubprocessError:0:Exception occurred in preexec_fn.",
                        record(r -> ErrorRecord.subprocessError(r, "Exception occurred in preexec_fn.")));
        assertEquals("SubprocessError:0:? x", record(r -> ErrorRecord.subprocessError(r, "\u00e9 x")));
        assertEquals(ErrorRecord.SIZE, record(r -> ErrorRecord.subprocessError(r, "x".repeat(1000))).length());
    }

    private interface Format {
        int into(MemorySegment record);
    }

    private static String record(Format format) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment record = arena.allocate(ErrorRecord.SIZE);
            int length = format.into(record);
            return new String(record.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
        }
    }
}
