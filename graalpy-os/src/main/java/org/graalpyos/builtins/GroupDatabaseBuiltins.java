package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.UserDatabaseCalls;

/**
 * The group database and the login name for graalpy_os/grp_.py and users.py. An entry crosses as
 * its items: name, "-" for a NULL gr_passwd or "+" and the password, the gid (decimal, its gid_t
 * value), the member count, the members. A lookup answers [] (not found), ["!"] (the buffer could
 * not grow: MemoryError) or one entry; group_all the entries one after another.
 */
final class GroupDatabaseBuiltins {
    private GroupDatabaseBuiltins() {
    }

    static List<Builtin> all() {
        return List.of(new ByGid(), new ByName(), new All(), new LoginName());
    }

    private static void add(List<byte[]> items, UserDatabaseCalls.Group group) {
        items.add(group.name());
        byte[] passwd = group.passwd();
        if (passwd == null) {
            items.add(new byte[] {'-'});
        } else {
            byte[] marked = new byte[passwd.length + 1];
            marked[0] = '+';
            System.arraycopy(passwd, 0, marked, 1, passwd.length);
            items.add(marked);
        }
        items.add(ascii(Long.toString(Integer.toUnsignedLong(group.gid()))));
        items.add(ascii(Integer.toString(group.members().size())));
        items.addAll(group.members());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<byte[]> lookup(UserDatabaseCalls.Lookup lookup) {
        List<byte[]> items = new ArrayList<>();
        if (lookup.noMemory()) {
            items.add(new byte[] {'!'});
        } else if (lookup.group() != null) {
            add(items, lookup.group());
        }
        return items;
    }

    /** getgrgid_r. */
    static final class ByGid extends Builtin {
        ByGid() {
            super("group_by_gid(gid: gid_t) -> [bytes]");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("getgrgid");
            return lookup(UserDatabaseCalls.groupByGid(args.integer("gid")));
        }
    }

    /** getgrnam_r; the name without NUL (the shim checked). */
    static final class ByName extends Builtin {
        ByName() {
            super("group_by_name(name: bytes) -> [bytes]");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("getgrnam");
            byte[] name = args.bytes("name");
            for (byte b : name) {
                if (b == 0) {
                    throw context.errors().valueError("embedded null byte");
                }
            }
            return lookup(UserDatabaseCalls.groupByName(name));
        }
    }

    /** setgrent, getgrent until NULL, endgrent. */
    static final class All extends Builtin {
        All() {
            super("group_all() -> [bytes]");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("getgrall");
            List<byte[]> items = new ArrayList<>();
            for (UserDatabaseCalls.Group group : UserDatabaseCalls.allGroups()) {
                add(items, group);
            }
            return items;
        }
    }

    /** getlogin(3): the name's bytes; None where it returned NULL without errno; OSError with errno. */
    static final class LoginName extends Builtin {
        LoginName() {
            super("login_name() -> bytes?");
        }

        @Override
        public Object call(OsContext context, Arguments args) {
            context.checkNativeAccess("getlogin");
            try (Arena arena = Arena.ofConfined()) {
                var errnoState = Downcalls.allocateErrnoState(arena);
                byte[] name = UserDatabaseCalls.login(errnoState);
                if (name == null) {
                    int errno = UserDatabaseCalls.errno(errnoState);
                    if (errno != 0) {
                        throw context.errors().osError(errno, null);
                    }
                }
                return name;
            }
        }
    }
}
