package org.graalpyos.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.NativeError;
import org.graalpyos.spawn.FileAction;
import org.graalpyos.spawn.PosixSpawn;
import org.graalpyos.spawn.SpawnRequest;
import org.graalpyos.spawn.SpawnSetupError;

/**
 * posix_spawn as the shim's spawn.py parsed it in CPython's order: file_actions are flat items,
 * each action its tag (os.POSIX_SPAWN_*) and fields: OPEN fd path oflag mode, CLOSE fd, DUP2 fd
 * newfd, CLOSEFROM fd. path_object is the original path, for the OSError.
 */
final class PosixSpawnBuiltin extends Builtin {
    PosixSpawnBuiltin() {
        super("posix_spawn(search_path: bool, path: bytes, path_object: object, argv: [bytes], env: [bytes], file_actions: [bytes], "
                        + "setpgroup: int?, resetids: bool, setsid: bool, setsigmask: [int]?, setsigdef: [int]?, scheduler_policy: int?, "
                        + "scheduler_priority: int?) -> pid_t");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        boolean searchPath = args.bool("search_path");
        context.checkCreateProcess(searchPath ? "posix_spawnp" : "posix_spawn");
        SpawnRequest request = new SpawnRequest(searchPath, args.bytes("path"), args.byteStrings("argv"), args.byteStrings("env"),
                        fileActions(args.byteStrings("file_actions")), args.integer("setpgroup"), args.bool("resetids"), args.bool("setsid"),
                        args.integers("setsigmask"), args.integers("setsigdef"), args.integer("scheduler_policy"),
                        args.integer("scheduler_priority"));
        context.checkProcessCreation(ProcessCreations.of(searchPath ? "posix_spawnp" : "posix_spawn", request.path(), request.argv(),
                        request.envp()));
        try {
            return PosixSpawn.spawn(request);
        } catch (SpawnSetupError e) {
            throw context.errors().osError(e.errno(), null);
        } catch (NativeError e) {
            throw context.errors().osError(e.errno(), args.object("path_object"));
        }
    }

    private static List<FileAction> fileActions(List<byte[]> items) {
        List<FileAction> actions = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            int tag = number(items, i);
            int fields = tag == FileAction.OPEN ? 4 : tag == FileAction.DUP2 ? 2 : 1;
            if (tag < FileAction.OPEN || tag > FileAction.CLOSEFROM || i + fields >= items.size()) {
                throw new IllegalArgumentException("file action " + actions.size() + ": bad tag or too few fields");
            }
            int fd = number(items, i + 1);
            actions.add(switch (tag) {
                case FileAction.OPEN -> new FileAction.Open(fd, items.get(i + 2), number(items, i + 3), mode(items, i + 4));
                case FileAction.CLOSE -> new FileAction.Close(fd);
                case FileAction.DUP2 -> new FileAction.Dup2(fd, number(items, i + 2));
                default -> new FileAction.CloseFrom(fd);
            });
            i += 1 + fields;
        }
        return actions;
    }

    private static int number(List<byte[]> items, int index) {
        long value = field(items, index);
        if (value != (int) value) {
            throw new IllegalArgumentException("file action field " + index + " is not a C int");
        }
        return (int) value;
    }

    /** mode_t: 32 unsigned bits. */
    private static int mode(List<byte[]> items, int index) {
        long value = field(items, index);
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("file action field " + index + " is not a mode_t");
        }
        return (int) value;
    }

    private static long field(List<byte[]> items, int index) {
        try {
            return Long.parseLong(new String(items.get(index), StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("file action field " + index + " is not an integer");
        }
    }
}
