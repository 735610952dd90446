package org.graalpyos.builtins;

import java.util.ArrayList;
import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.spawn.FileAction;
import org.graalpyos.spawn.PosixSpawn;
import org.graalpyos.spawn.SpawnRequest;
import org.graalpyos.spawn.SpawnSetupError;

/**
 * posix_spawn(search_path, path, filename, argv, envp, file_actions, setpgroup, resetids, setsid,
 * setsigmask, setsigdef, sched_policy, sched_priority), as the shim's spawn.py parsed them in
 * CPython's order and encoded them ({@link Wire}): path a latin-1 str; argv, envp and
 * file_actions NUL-terminated items; signal sets space-separated numbers or None as absent;
 * setpgroup and the scheduler {@link Args#ABSENT} when not given. filename is the original path
 * object, for the OSError.
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
        SpawnRequest request = new SpawnRequest(searchPath, Wire.bytes(Args.toJavaString(context, args[1])),
                        Wire.items(Args.toJavaString(context, args[3])), Wire.items(Args.toJavaString(context, args[4])),
                        fileActions(Args.toJavaString(context, args[5])), Args.toIntOrAbsent(context, args[6]),
                        Args.toBoolean(context, args[7]), Args.toBoolean(context, args[8]), signals(context, args[9]),
                        signals(context, args[10]), Args.toIntOrAbsent(context, args[11]), Args.toIntOrAbsent(context, args[12]));
        context.checkProcessCreation(ProcessCreations.of(searchPath ? "posix_spawnp" : "posix_spawn", request.path(), request.argv(),
                        request.envp()));
        try {
            return PosixSpawn.spawn(request);
        } catch (SpawnSetupError e) {
            throw context.errors().osError(e.errno(), null);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), args[2]);
        }
    }

    /** "-" → not given; else the space-separated signal numbers. */
    private static int[] signals(OsContext context, Object value) {
        String text = Args.toJavaString(context, value);
        return text.equals("-") ? null : Wire.parseInts(text);
    }

    /** Items "0 fd oflag mode path", "1 fd", "2 fd newfd", "3 fd" (tags as os.POSIX_SPAWN_*). */
    private static List<FileAction> fileActions(String encoded) {
        List<FileAction> actions = new ArrayList<>();
        for (byte[] item : Wire.items(encoded)) {
            String text = new String(item, java.nio.charset.StandardCharsets.ISO_8859_1);
            String[] f = text.split(" ", 5);
            if (f.length < (f[0].equals("0") ? 5 : f[0].equals("2") ? 3 : 2)) {
                throw new IllegalArgumentException("bad file action '" + text + "'");
            }
            actions.add(switch (Integer.parseInt(f[0])) {
                case FileAction.OPEN -> new FileAction.Open(Integer.parseInt(f[1]), Wire.bytes(f[4]), Integer.parseInt(f[2]),
                                Integer.parseUnsignedInt(f[3]));
                case FileAction.CLOSE -> new FileAction.Close(Integer.parseInt(f[1]));
                case FileAction.DUP2 -> new FileAction.Dup2(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                default -> new FileAction.CloseFrom(Integer.parseInt(f[1]));
            });
        }
        return actions;
    }
}
