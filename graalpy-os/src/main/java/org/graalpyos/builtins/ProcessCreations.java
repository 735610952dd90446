package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.graalpyos.embed.ProcessCreation;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.subprocess.CheckedExecutables;

/** {@link ProcessCreation}s from the byte strings the builtins receive. */
final class ProcessCreations {
    private ProcessCreations() {
    }

    /** environment null: inherited. */
    static ProcessCreation of(String function, byte[] executable, List<byte[]> arguments, List<byte[]> environment) {
        return new ProcessCreation(function, executable == null ? null : text(executable), texts(arguments),
                        environment == null ? null : texts(environment));
    }

    /**
     * subprocess's candidates as the host's policy allows them: each that exists is shown to the
     * policy in order. A veto of the first that exists is PermissionError; a later veto ends the
     * list there (that program would only run after an allowed one failed to exec). When none
     * exists the policy still sees the call, with the first candidate. A relative candidate is
     * the child's after its chdir: checked, and shown, as cwd/candidate.
     */
    static CheckedExecutables checkedExecutables(OsContext context, String function, List<byte[]> candidates, byte[] cwd, List<byte[]> argv,
                    List<byte[]> environment) {
        int[] errors = new int[candidates.size()];
        int allowed = candidates.size();
        boolean anyExists = false;
        List<String> arguments = texts(argv); // decoded once for every candidate the policy sees
        List<String> entries = environment == null ? null : texts(environment);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            for (int i = 0; i < candidates.size(); i++) {
                byte[] program = inChildsCwd(candidates.get(i), cwd);
                errors[i] = -FileCalls.exists(errnoState, CStrings.of(arena, program));
                if (errors[i] != 0) {
                    continue;
                }
                String veto = context.vetoOf(new ProcessCreation(function, text(program), arguments, entries));
                if (veto != null) {
                    if (!anyExists) {
                        throw context.errors().permissionError(veto);
                    }
                    allowed = i;
                    break;
                }
                anyExists = true;
            }
        }
        if (!anyExists) {
            context.checkProcessCreation(new ProcessCreation(function, candidates.isEmpty() ? null : text(inChildsCwd(candidates.getFirst(), cwd)),
                            arguments, entries));
        }
        return new CheckedExecutables(List.copyOf(candidates.subList(0, allowed)), Arrays.copyOf(errors, allowed));
    }

    /** The program a child that changed to cwd (null: none) runs for this path. */
    private static byte[] inChildsCwd(byte[] path, byte[] cwd) {
        if (cwd == null || (path.length > 0 && path[0] == '/')) {
            return path;
        }
        byte[] joined = Arrays.copyOf(cwd, cwd.length + 1 + path.length);
        joined[cwd.length] = '/';
        System.arraycopy(path, 0, joined, cwd.length + 1, path.length);
        return joined;
    }

    static ProcessCreation fork() {
        return new ProcessCreation("fork", null, List.of(), null);
    }

    private static List<String> texts(List<byte[]> items) {
        List<String> texts = new ArrayList<>(items.size());
        for (byte[] item : items) {
            texts.add(text(item));
        }
        return List.copyOf(texts);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
