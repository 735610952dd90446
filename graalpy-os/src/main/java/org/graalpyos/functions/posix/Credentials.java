package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.ProcessCalls;

/**
 * os's user and group ids. Every change asks the Context's native access and the host's policy
 * first (function setuid, setreuid, ...: the ids as arguments, "-1" unchanged), as subprocess's
 * user= and group= do.
 */
public final class Credentials {
    private Credentials() {
    }

    /** os.setgroups: graalpy_os/credentials.py is its body (it converts the sequence as CPython does). */
    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("credentials", "posix.setgroups(groups: object, /) -> object", "Set the groups of the current process to list."));
    }

    public static List<Builtin> all() {
        return List.of(
                        new SetOne("posix.setuid(uid: uid_t, /) -> None", "Set the current process's user id."),
                        new SetOne("posix.setgid(gid: gid_t, /) -> None", "Set the current process's group id."),
                        new SetOne("posix.seteuid(euid: uid_t, /) -> None", "Set the current process's effective user id."),
                        new SetOne("posix.setegid(egid: gid_t, /) -> None", "Set the current process's effective group id."),
                        new SetRealEffective("posix.setreuid(ruid: uid_t, euid: uid_t, /) -> None", "Set the current process's real and effective user ids.", true),
                        new SetRealEffective("posix.setregid(rgid: gid_t, egid: gid_t, /) -> None", "Set the current process's real and effective group ids.", false),
                        new SetRealEffectiveSaved("posix.setresuid(ruid: uid_t, euid: uid_t, suid: uid_t, /) -> None",
                                        "Set the current process's real, effective, and saved user ids.", true),
                        new SetRealEffectiveSaved("posix.setresgid(rgid: gid_t, egid: gid_t, sgid: gid_t, /) -> None",
                                        "Set the current process's real, effective, and saved group ids.", false),
                        new GetRealEffectiveSaved("posix.getresuid() -> (uid_t, uid_t, uid_t)",
                                        "Return a tuple of the current process's real, effective, and saved user ids.", true),
                        new GetRealEffectiveSaved("posix.getresgid() -> (gid_t, gid_t, gid_t)",
                                        "Return a tuple of the current process's real, effective, and saved group ids.", false));
    }

    /** The ids of a declaration's parameters, in order, as uid_t/gid_t bits. */
    private static int[] ids(Builtin builtin, Arguments args) {
        int[] ids = new int[builtin.declaration().parameters().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = args.integer(builtin.declaration().parameters().get(i).name());
        }
        return ids;
    }

    /** A changing builtin's one call: the policy is asked first, then libc, with errno captured. */
    private abstract static class Change extends Builtin {
        Change(String declaration, String doc) {
            super(declaration, doc);
        }

        @Override
        public final Object call(OsContext context, Arguments args) {
            int[] ids = ids(this, args);
            context.checkCredentialChange(declaration().function(), ids);
            try (Arena arena = Arena.ofConfined()) {
                context.errors().checked(change(Downcalls.allocateErrnoState(arena), ids));
                return null;
            }
        }

        abstract int change(MemorySegment errnoState, int[] ids);
    }

    /** setuid, setgid, seteuid, setegid. */
    static final class SetOne extends Change {
        SetOne(String declaration, String doc) {
            super(declaration, doc);
        }

        @Override
        int change(MemorySegment errnoState, int[] ids) {
            return ProcessCalls.setId(errnoState, declaration().function(), ids[0]);
        }
    }

    /** setreuid, setregid: the calls subprocess's forked child makes too. */
    static final class SetRealEffective extends Change {
        private final boolean user;

        SetRealEffective(String declaration, String doc, boolean user) {
            super(declaration, doc);
            this.user = user;
        }

        @Override
        int change(MemorySegment errnoState, int[] ids) {
            return user ? ProcessCalls.setreuid(errnoState, ids[0], ids[1]) : ProcessCalls.setregid(errnoState, ids[0], ids[1]);
        }
    }

    /** setresuid, setresgid. */
    static final class SetRealEffectiveSaved extends Change {
        private final boolean user;

        SetRealEffectiveSaved(String declaration, String doc, boolean user) {
            super(declaration, doc);
            this.user = user;
        }

        @Override
        int change(MemorySegment errnoState, int[] ids) {
            return ProcessCalls.setRealEffectiveSaved(errnoState, user, ids[0], ids[1], ids[2]);
        }
    }

    /** getresuid, getresgid: (uid_t) -1 is -1, as CPython's _PyLong_FromUid shows it. */
    static final class GetRealEffectiveSaved extends Builtin {
        private final boolean user;

        GetRealEffectiveSaved(String declaration, String doc, boolean user) {
            super(declaration, doc);
            this.user = user;
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess(declaration().function());
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ids = arena.allocate(JAVA_INT, 3);
                context.errors().checked(ProcessCalls.getRealEffectiveSaved(Downcalls.allocateErrnoState(arena), user, ids));
                long[] values = new long[3];
                for (int i = 0; i < 3; i++) {
                    int id = ids.getAtIndex(JAVA_INT, i);
                    values[i] = id == -1 ? -1 : Integer.toUnsignedLong(id);
                }
                return values;
            }
        }
    }
}
