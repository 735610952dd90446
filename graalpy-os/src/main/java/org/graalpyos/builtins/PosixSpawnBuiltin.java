package org.graalpyos.builtins;

import java.util.ArrayList;
import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.spawn.FileAction;
import org.graalpyos.spawn.PosixSpawn;
import org.graalpyos.spawn.SpawnRequest;
import org.graalpyos.spawn.SpawnSetupError;

/**
 * posix_spawn(search_path, path, filename, argv, envp, file_actions, setpgroup, resetids, setsid,
 * setsigmask, setsigdef, sched_policy, sched_priority) with fs-encoded bytes and normalized
 * tuples from the shim, which parsed os.posix_spawn's arguments in CPython's order.
 */
final class PosixSpawnBuiltin implements Builtin {
    @Override
    public String name() {
        return "posix_spawn";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 13);
        boolean searchPath = Args.toBoolean(context, args[0]);
        context.checkCreateProcess(searchPath ? "posix_spawnp" : "posix_spawn");
        SpawnRequest request = new SpawnRequest(searchPath, Args.toBytes(context, args[1]), byteStrings(context, args[3]),
                        byteStrings(context, args[4]), fileActions(context, args[5]), Args.toIntOrNull(context, args[6]),
                        Args.toBoolean(context, args[7]), Args.toBoolean(context, args[8]), Args.toIntsOrNull(context, args[9]),
                        Args.toIntsOrNull(context, args[10]), Args.toIntOrNull(context, args[11]), Args.toIntOrNull(context, args[12]));
        try {
            return PosixSpawn.spawn(request);
        } catch (SpawnSetupError e) {
            throw context.errors().osError(e.errno(), null);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), args[2]);
        }
    }

    private static List<byte[]> byteStrings(OsContext context, Object sequence) {
        Object[] items = Args.toArray(context, sequence);
        List<byte[]> result = new ArrayList<>(items.length);
        for (Object item : items) {
            result.add(Args.toBytes(context, item));
        }
        return result;
    }

    private static List<FileAction> fileActions(OsContext context, Object sequence) {
        Object[] items = Args.toArray(context, sequence);
        List<FileAction> actions = new ArrayList<>(items.length);
        for (Object item : items) {
            Object[] t = Args.toArray(context, item);
            int tag = Args.toInt(context, t[0]);
            actions.add(switch (tag) {
                case FileAction.OPEN -> new FileAction.Open(Args.toInt(context, t[1]), Args.toBytes(context, t[2]),
                                Args.toInt(context, t[3]), Args.toInt(context, t[4]));
                case FileAction.CLOSE -> new FileAction.Close(Args.toInt(context, t[1]));
                case FileAction.DUP2 -> new FileAction.Dup2(Args.toInt(context, t[1]), Args.toInt(context, t[2]));
                case FileAction.CLOSEFROM -> new FileAction.CloseFrom(Args.toInt(context, t[1]));
                default -> throw context.errors().typeError("Unknown file_actions identifier");
            });
        }
        return actions;
    }
}
