package org.graalpyos.builtins;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.spawn.SubprocessSpawn;

/**
 * subprocess_spawn(executables, argv, inherit_env, env, has_cwd, cwd, fds_to_keep, p2cread,
 * p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, close_fds,
 * restore_signals, call_setsid, check_policy): fork_exec's arguments as the shim converted them
 * (items NUL-terminated, fds_to_keep space-separated and ascending); the pid, or 0 when the fork
 * path must run. The host's policy sees the call here when check_policy is true, else it already
 * saw it at the shim's fork_exec edge.
 */
final class SubprocessSpawnBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_spawn";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 19);
        context.checkCreateProcess("fork_exec");
        int[] fds = new int[8];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = Args.toInt(context, args[7 + i]);
        }
        boolean inheritEnvironment = Args.toBoolean(context, args[2]);
        boolean hasCwd = Args.toBoolean(context, args[4]);
        SubprocessSpawn.Request request = new SubprocessSpawn.Request(Wire.items(Args.toJavaString(context, args[0])),
                        Wire.items(Args.toJavaString(context, args[1])),
                        inheritEnvironment ? null : Wire.items(Args.toJavaString(context, args[3])),
                        hasCwd ? Wire.bytes(Args.toJavaString(context, args[5])) : null,
                        Wire.parseInts(Args.toJavaString(context, args[6])), fds[0], fds[1], fds[2], fds[3], fds[4], fds[5], fds[6],
                        fds[7], Args.toBoolean(context, args[15]), Args.toBoolean(context, args[16]),
                        Args.toBoolean(context, args[17]));
        if (Args.toBoolean(context, args[18])) {
            context.checkProcessCreation(ProcessCreations.of("fork_exec", request.executables().isEmpty() ? null : request.executables().getFirst(),
                            request.argv(), request.envp()));
        }
        return SubprocessSpawn.spawn(request);
    }
}
