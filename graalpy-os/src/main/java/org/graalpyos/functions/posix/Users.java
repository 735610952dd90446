package org.graalpyos.functions.posix;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.functions.PythonFunction;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.UserDatabaseCalls;

/** os.getgrouplist, os.initgroups (Java) and os.getlogin (graalpy_os/users.py decodes the name as CPython does). */
public final class Users {
    private Users() {
    }

    public static List<PythonFunction> python() {
        return List.of(new PythonFunction("users", "posix.getlogin() -> object", "Return the actual login name."));
    }

    public static List<Builtin> all() {
        return List.of(new GroupList(), new InitGroups());
    }

    /** getgrouplist(3); each gid as _PyLong_FromGid shows it ((gid_t) -1 is -1). */
    static final class GroupList extends Builtin {
        GroupList() {
            super("posix.getgrouplist(user: str, group: gid_t, /) -> [gid_t]", """
                            Returns a list of groups to which a user belongs.

                              user
                                username to lookup
                              group
                                base group id of the user""");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("getgrouplist");
            int[] groups = UserDatabaseCalls.groupList(args.text("user").getBytes(StandardCharsets.UTF_8), args.integer("group"));
            long[] values = new long[groups.length];
            for (int i = 0; i < groups.length; i++) {
                values[i] = groups[i] == -1 ? -1 : Integer.toUnsignedLong(groups[i]);
            }
            return values;
        }
    }

    /** initgroups(3): a change of the process's groups, so the policy is asked first (function initgroups, the gid). */
    static final class InitGroups extends Builtin {
        InitGroups() {
            super("posix.initgroups(username: FSConverter, gid: gid_t, /) -> None", """
                            Initialize the group access list.

                            Call the system initgroups() to initialize the group access list with all of
                            the groups of which the specified username is a member, plus the specified
                            group id.""");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            int gid = args.integer("gid");
            context.checkCredentialChange("initgroups", gid);
            try (Arena arena = Arena.ofConfined()) {
                int rc = UserDatabaseCalls.initgroups(Downcalls.allocateErrnoState(arena), arena, args.bytes("username"), gid);
                if (rc < 0) {
                    throw context.errors().osError(-rc, null);
                }
            }
            return null;
        }
    }
}
