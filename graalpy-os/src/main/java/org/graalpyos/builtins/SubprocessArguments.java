package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.OsContext;
import org.graalpyos.subprocess.ChildPlan;

/**
 * The parameters of subprocess_spawn and subprocess_fork: fork_exec's, as the shim converted them,
 * in its order (fds_to_keep ascending). Decoded into the child's plan after the Context's
 * permissions and the host's policy saw every program and credential.
 */
final class SubprocessArguments {
    private static final String PARAMETERS = "executables: [bytes], argv: [bytes], env: [bytes]?, cwd: bytes?, fds_to_keep: [int], "
                    + "p2cread: int, p2cwrite: int, c2pread: int, c2pwrite: int, errread: int, errwrite: int, errpipe_read: int, "
                    + "errpipe_write: int, close_fds: bool, restore_signals: bool, call_setsid: bool, pgid_to_set: int, child_umask: int, "
                    + "groups: [gid_t], gid: gid_t, uid: uid_t";
    private static final String[] FDS = {"p2cread", "p2cwrite", "c2pread", "c2pwrite", "errread", "errwrite", "errpipe_read", "errpipe_write"};

    private SubprocessArguments() {
    }

    static String declaration(String builtin) {
        return builtin + "(" + PARAMETERS + ") -> pid_t";
    }

    static ChildPlan checkedPlan(OsContext context, Arguments args) {
        List<byte[]> candidates = args.byteStrings("executables");
        List<byte[]> argv = args.byteStrings("argv");
        List<byte[]> envp = args.byteStrings("env");
        byte[] cwd = args.bytes("cwd");
        int[] fdsToKeep = args.integers("fds_to_keep");
        int[] fds = new int[FDS.length];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = args.integer(FDS[i]);
        }
        boolean closeFds = args.bool("close_fds");
        boolean restoreSignals = args.bool("restore_signals");
        boolean setsid = args.bool("call_setsid");
        int pgid = args.integer("pgid_to_set");
        int umask = args.integer("child_umask");
        int[] groups = args.integers("groups");
        int gid = args.integer("gid");
        int uid = args.integer("uid");
        context.checkCreateProcess("fork_exec");
        ChildPlan plan = new ChildPlan(ProcessCreations.checkedExecutables(context, "fork_exec", candidates, cwd, argv, envp), argv, envp, cwd,
                        fdsToKeep, fds[0], fds[1], fds[2], fds[3], fds[4], fds[5], fds[6], fds[7], closeFds, restoreSignals, setsid, pgid,
                        umask, groups, gid, uid);
        if (groups.length > 0) {
            context.checkCredentialChange("setgroups", groups);
        }
        if (gid != -1) {
            context.checkCredentialChange("setregid", gid, gid);
        }
        if (uid != -1) {
            context.checkCredentialChange("setreuid", uid, uid);
        }
        return plan;
    }
}
