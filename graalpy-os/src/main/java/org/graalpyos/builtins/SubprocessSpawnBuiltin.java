package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.spawn.SubprocessSpawn;

/**
 * subprocess_spawn(executables, argv, inherit_env, env, has_cwd, cwd, fds_to_keep, p2cread,
 * p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, close_fds,
 * restore_signals, call_setsid): fork_exec's arguments as the shim converted them (items
 * NUL-terminated, fds_to_keep space-separated and ascending); the pid, or 0 when the fork path
 * must run. The Context's permissions and the host's policy see every candidate executable here.
 */
final class SubprocessSpawnBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_spawn";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 18);
        int[] fds = new int[8];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = Args.toInt(context, args[7 + i]);
        }
        List<byte[]> candidates = Wire.items(Args.toJavaString(context, args[0]));
        List<byte[]> argv = Wire.items(Args.toJavaString(context, args[1]));
        List<byte[]> envp = Args.toBoolean(context, args[2]) ? null : Wire.items(Args.toJavaString(context, args[3]));
        byte[] cwd = Args.toBoolean(context, args[4]) ? Wire.bytes(Args.toJavaString(context, args[5])) : null;
        int[] fdsToKeep = Wire.parseInts(Args.toJavaString(context, args[6]));
        boolean closeFds = Args.toBoolean(context, args[15]);
        boolean restoreSignals = Args.toBoolean(context, args[16]);
        boolean callSetsid = Args.toBoolean(context, args[17]);
        context.checkCreateProcess("fork_exec");
        return SubprocessSpawn.spawn(new SubprocessSpawn.Request(ProcessCreations.checkedExecutables(context, "fork_exec", candidates, argv, envp),
                        argv, envp, cwd, fdsToKeep, fds[0], fds[1], fds[2], fds[3], fds[4], fds[5], fds[6], fds[7], closeFds,
                        restoreSignals, callSetsid));
    }
}
