package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * execve(2), or fexecve(3) when fd &ge; 0; returns only by raising OSError with the original path
 * object as filename. env None is libc's environment (os.execv).
 */
final class ExecveBuiltin extends Builtin {
    ExecveBuiltin() {
        super("execve(fd: int, path: bytes, path_object: object, argv: [bytes], env: [bytes]?) -> None");
    }

    @Override
    public Object call(OsContext context, Arguments args) {
        int fd = args.integer("fd");
        byte[] path = args.bytes("path");
        context.checkCreateProcess("execve");
        List<byte[]> argv = args.byteStrings("argv");
        List<byte[]> envp = args.byteStrings("env");
        context.checkProcessCreation(ProcessCreations.of(envp == null ? "execv" : "execve", fd >= 0 ? ("/proc/self/fd/" + fd).getBytes() : path, argv, envp));
        JvmFdsCloseOnExec.markJvmFiles();
        int errno;
        try (Arena arena = Arena.ofConfined()) {
            errno = -ProcessCalls.execve(Downcalls.allocateErrnoState(arena), fd, fd >= 0 ? MemorySegment.NULL : CStrings.of(arena, path),
                            CStrings.array(arena, argv), envp == null ? ProcessCalls.environ() : CStrings.array(arena, envp));
        }
        throw context.errors().osError(errno, args.object("path_object"));
    }
}
