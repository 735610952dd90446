package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;

/**
 * subprocess_fork(executables, argv, has_env, env, groups, gid, uid) → pid (0 in the child):
 * subprocess's fork path. The Context's permissions and the host's policy see the programs
 * (every candidate that exists) and the credentials the child will take (groups space-separated
 * gid_t values, "" for none; gid and uid -1 for unchanged) before the JVM forks; the child gets
 * them as its {@link SubprocessChild.Plan}, the only thing its setup and exec builtins act on.
 */
final class SubprocessForkBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_fork";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 7);
        List<byte[]> candidates = Wire.items(Args.toJavaString(context, args[0]));
        List<byte[]> argv = Wire.items(Args.toJavaString(context, args[1]));
        List<byte[]> envp = Args.toBoolean(context, args[2]) ? Wire.items(Args.toJavaString(context, args[3])) : null;
        int[] groups = Wire.parseUnsignedInts(Args.toJavaString(context, args[4]));
        int gid = (int) Args.toLong(context, args[5]);
        int uid = (int) Args.toLong(context, args[6]);
        context.checkCreateProcess("fork_exec");
        SubprocessChild.Plan plan = SubprocessChild.plan(ProcessCreations.checkedExecutables(context, "fork_exec", candidates, argv, envp),
                        argv, envp, groups, gid, uid);
        if (groups.length > 0) {
            context.checkCredentialChange("setgroups", groups);
        }
        if (gid != -1) {
            context.checkCredentialChange("setregid", gid, gid);
        }
        if (uid != -1) {
            context.checkCredentialChange("setreuid", uid, uid);
        }
        int pid = ForkBuiltin.forkJvm(context);
        if (pid == 0) {
            SubprocessChild.enter(plan);
        }
        return pid;
    }
}
