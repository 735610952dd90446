package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.subprocess.ChildPlan;

/**
 * The arguments of subprocess_spawn and subprocess_fork: fork_exec's, as the shim converted them,
 * in its order — executables, argv, has_env, env, has_cwd, cwd, fds_to_keep, p2cread, p2cwrite,
 * c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, close_fds, restore_signals,
 * call_setsid, pgid_to_set, child_umask, groups, gid, uid (items NUL-terminated, fds_to_keep
 * space-separated and ascending, groups space-separated gid_t values). Decoded into the child's
 * plan after the Context's permissions and the host's policy saw every program and credential.
 */
final class SubprocessArguments {
    static final int COUNT = 23;

    private SubprocessArguments() {
    }

    static ChildPlan checkedPlan(OsContext context, String builtin, Object[] args) {
        Args.expectCount(context, builtin, args, COUNT);
        List<byte[]> candidates = Wire.items(Args.toJavaString(context, args[0]));
        List<byte[]> argv = Wire.items(Args.toJavaString(context, args[1]));
        List<byte[]> envp = Args.toBoolean(context, args[2]) ? Wire.items(Args.toJavaString(context, args[3])) : null;
        byte[] cwd = Args.toBoolean(context, args[4]) ? Wire.bytes(Args.toJavaString(context, args[5])) : null;
        int[] fdsToKeep = Wire.parseInts(Args.toJavaString(context, args[6]));
        int[] fds = new int[8];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = Args.toInt(context, args[7 + i]);
        }
        boolean closeFds = Args.toBoolean(context, args[15]);
        boolean restoreSignals = Args.toBoolean(context, args[16]);
        boolean setsid = Args.toBoolean(context, args[17]);
        int pgid = Args.toInt(context, args[18]);
        int umask = Args.toInt(context, args[19]);
        int[] groups = Wire.parseUnsignedInts(Args.toJavaString(context, args[20]));
        int gid = (int) Args.toLong(context, args[21]);
        int uid = (int) Args.toLong(context, args[22]);
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
