package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.CredentialCalls;
import org.graalpyos.nativeapi.Libc;

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
                        new SetOne("posix.setuid(uid: uid_t, /) -> None", "Set the current process's user id.", CredentialCalls.Id.UID),
                        new SetOne("posix.setgid(gid: gid_t, /) -> None", "Set the current process's group id.", CredentialCalls.Id.GID),
                        new SetOne("posix.seteuid(euid: uid_t, /) -> None", "Set the current process's effective user id.", CredentialCalls.Id.EUID),
                        new SetOne("posix.setegid(egid: gid_t, /) -> None", "Set the current process's effective group id.", CredentialCalls.Id.EGID),
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

    private static Object checked(OsContext context, int rc) {
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return null;
    }

    /** setuid, setgid, seteuid, setegid. */
    static final class SetOne extends Builtin {
        private final CredentialCalls.Id id;

        SetOne(String declaration, String doc, CredentialCalls.Id id) {
            super(declaration, doc);
            this.id = id;
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int[] ids = ids(this, args);
            context.checkCredentialChange(declaration().function(), ids);
            return checked(context, CredentialCalls.set(id, ids[0]));
        }
    }

    /** setreuid, setregid: the calls subprocess's forked child makes too. */
    static final class SetRealEffective extends Builtin {
        private final boolean user;

        SetRealEffective(String declaration, String doc, boolean user) {
            super(declaration, doc);
            this.user = user;
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int[] ids = ids(this, args);
            context.checkCredentialChange(declaration().function(), ids);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errno = Libc.allocateErrnoState(arena);
                return checked(context, user ? Libc.setreuid(errno, ids[0], ids[1]) : Libc.setregid(errno, ids[0], ids[1]));
            }
        }
    }

    /** setresuid, setresgid. */
    static final class SetRealEffectiveSaved extends Builtin {
        private final boolean user;

        SetRealEffectiveSaved(String declaration, String doc, boolean user) {
            super(declaration, doc);
            this.user = user;
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int[] ids = ids(this, args);
            context.checkCredentialChange(declaration().function(), ids);
            return checked(context, CredentialCalls.setRealEffectiveSaved(user, ids[0], ids[1], ids[2]));
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
            int[] ids = new int[3];
            checked(context, CredentialCalls.getRealEffectiveSaved(user, ids));
            long[] values = new long[3];
            for (int i = 0; i < 3; i++) {
                values[i] = ids[i] == -1 ? -1 : Integer.toUnsignedLong(ids[i]);
            }
            return values;
        }
    }
}
