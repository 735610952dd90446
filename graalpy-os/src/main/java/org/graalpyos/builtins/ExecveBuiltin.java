package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Libc;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * execve(fd, path, filename, argv, envp): execve(2), or fexecve(3) when fd &ge; 0; returns only
 * by raising OSError with the original path object as filename. Arguments as {@link Wire}; envp
 * "-" is libc's environment (os.execv).
 */
final class ExecveBuiltin implements Builtin {
    @Override
    public String name() {
        return "execve";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 5);
        int fd = Args.toInt(context, args[0]);
        byte[] path = Wire.bytes(Args.toJavaString(context, args[1]));
        context.checkCreateProcess("execve");
        List<byte[]> argv = Wire.items(Args.toJavaString(context, args[3]));
        String envText = Args.toJavaString(context, args[4]);
        List<byte[]> envp = envText.equals("-") ? null : Wire.items(envText);
        context.checkProcessCreation(ProcessCreations.of(envp == null ? "execv" : "execve", fd >= 0 ? ("/proc/self/fd/" + fd).getBytes() : path, argv, envp));
        JvmFdsCloseOnExec.markJvmFiles();
        int errno;
        try (Arena arena = Arena.ofConfined()) {
            errno = Libc.execve(Libc.allocateErrnoState(arena), fd, fd >= 0 ? MemorySegment.NULL : CStrings.of(arena, path),
                            CStrings.array(arena, argv), envp == null ? Libc.environ() : CStrings.array(arena, envp));
        }
        throw context.errors().osError(errno, args[2]);
    }
}
