package org.graalpyos.nativeapi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.graalpyos.nativeapi.Downcalls.CAPTURE_ERRNO;
import static org.graalpyos.nativeapi.Downcalls.downcall;

/**
 * The group database through NSS (getgrgid_r, getgrnam_r with CPython's ERANGE retry; getgrent
 * between setgrent and endgrent under one lock), a user's groups (getgrouplist, initgroups) and
 * getlogin: what CPython's grp module and os.getgrouplist, os.initgroups, os.getlogin call.
 */
public final class UserDatabaseCalls {
    private UserDatabaseCalls() {
    }

    /** struct group: gr_name, gr_passwd (char *), gr_gid (gid_t), gr_mem (char **, NULL-terminated). */
    @CConstant("sizeof(struct group)") public static final long GROUP_SIZE = 32;
    @CConstant("offsetof(struct group, gr_name)") public static final long GR_NAME = 0;
    @CConstant("offsetof(struct group, gr_passwd)") public static final long GR_PASSWD = 8;
    @CConstant("offsetof(struct group, gr_gid)") public static final long GR_GID = 16;
    @CConstant("offsetof(struct group, gr_mem)") public static final long GR_MEM = 24;
    @CConstant public static final int ERANGE = 34;
    /** CPython's DEFAULT_BUFFER_SIZE, which is also glibc's sysconf(_SC_GETGR_R_SIZE_MAX) (NSS_BUFLEN_GROUP). */
    private static final long FIRST_BUFFER = 1024;
    /** CPython gives up (MemoryError) when the buffer would pass PY_SSIZE_T_MAX; a buffer past 1 GiB is the same answer here. */
    private static final long LAST_BUFFER = 1L << 30;
    /** NGROUPS_MAX: the first getgrouplist buffer, as CPython's. */
    @CConstant public static final int NGROUPS_MAX = 65536;

    /** getgrent's state is the process's: one enumeration at a time. */
    private static final Object ENUMERATION = new Object();

    static final class Groups {
        static final MethodHandle GETGRGID_R = downcall("getgrgid_r", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        static final MethodHandle GETGRNAM_R = downcall("getgrnam_r", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        static final MethodHandle SETGRENT = downcall("setgrent", FunctionDescriptor.ofVoid());
        static final MethodHandle GETGRENT = downcall("getgrent", FunctionDescriptor.of(ADDRESS));
        static final MethodHandle ENDGRENT = downcall("endgrent", FunctionDescriptor.ofVoid());
    }

    static final class Users {
        /** getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups): -1 when groups is too small. */
        static final MethodHandle GETGROUPLIST = downcall("getgrouplist", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle INITGROUPS = downcall("initgroups", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
        static final MethodHandle GETLOGIN = downcall("getlogin", FunctionDescriptor.of(ADDRESS), CAPTURE_ERRNO);
        /** The calling thread's errno, which CPython zeroes before getlogin to tell "no name" from an error. */
        static final MethodHandle ERRNO_LOCATION = downcall("__errno_location", FunctionDescriptor.of(ADDRESS));
    }

    /** One struct group, its strings as bytes; passwd null where gr_passwd is NULL. */
    public record Group(byte[] name, byte[] passwd, int gid, List<byte[]> members) {
    }

    /** A lookup's answer: the entry, or null when there is none; {@code noMemory} when the buffer could not grow (CPython's MemoryError). */
    public record Lookup(Group group, boolean noMemory) {
    }

    /** getgrgid_r(3), the buffer doubled while it answers ERANGE. An error other than ERANGE is "not found", as CPython's. */
    public static Lookup groupByGid(int gid) {
        return lookup(gid, null);
    }

    /** getgrnam_r(3), as {@link #groupByGid}; {@code name} without its NUL. */
    public static Lookup groupByName(byte[] name) {
        return lookup(0, name);
    }

    private static Lookup lookup(int gid, byte[] name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment group = arena.allocate(GROUP_SIZE, 8);
            MemorySegment result = arena.allocate(ADDRESS);
            MemorySegment cName = name == null ? MemorySegment.NULL : CStrings.of(arena, name);
            for (long size = FIRST_BUFFER; size <= LAST_BUFFER; size <<= 1) {
                try (Arena bufferArena = Arena.ofConfined()) {
                    MemorySegment buffer = bufferArena.allocate(size, 8);
                    int rc = name == null ? Downcalls.callReturningError(Groups.GETGRGID_R, gid, group, buffer, size, result)
                                    : Downcalls.callReturningError(Groups.GETGRNAM_R, cName, group, buffer, size, result);
                    MemorySegment found = result.get(ADDRESS, 0);
                    if (rc == 0 && !found.equals(MemorySegment.NULL)) {
                        return new Lookup(read(found), false);
                    }
                    if (rc != -ERANGE) {
                        return new Lookup(null, false);
                    }
                }
            }
            return new Lookup(null, true);
        }
    }

    /** Every entry of getgrent(3), between setgrent and endgrent, in the database's order. */
    public static List<Group> allGroups() {
        List<Group> groups = new ArrayList<>();
        synchronized (ENUMERATION) {
            Downcalls.callPlainVoid(Groups.SETGRENT);
            try {
                for (MemorySegment entry = Downcalls.callPlainPointer(Groups.GETGRENT); !entry.equals(MemorySegment.NULL); entry = Downcalls
                                .callPlainPointer(Groups.GETGRENT)) {
                    groups.add(read(entry));
                }
            } finally {
                Downcalls.callPlainVoid(Groups.ENDGRENT);
            }
        }
        return groups;
    }

    private static Group read(MemorySegment address) {
        MemorySegment group = address.reinterpret(GROUP_SIZE);
        MemorySegment passwd = group.get(ADDRESS, GR_PASSWD);
        List<byte[]> members = new ArrayList<>();
        MemorySegment list = group.get(ADDRESS, GR_MEM).reinterpret(Long.MAX_VALUE);
        for (long i = 0;; i++) {
            MemorySegment member = list.getAtIndex(ADDRESS, i);
            if (member.equals(MemorySegment.NULL)) {
                break;
            }
            members.add(CStrings.bytes(member));
        }
        return new Group(CStrings.bytes(group.get(ADDRESS, GR_NAME)), passwd.equals(MemorySegment.NULL) ? null : CStrings.bytes(passwd), group.get(JAVA_INT, GR_GID), members);
    }

    /** getgrouplist(3): the groups of {@code user} with {@code group} (gid_t bits), the buffer grown as CPython grows it. */
    public static int[] groupList(byte[] user, int group) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cUser = CStrings.of(arena, user);
            MemorySegment count = arena.allocate(JAVA_INT);
            int size = NGROUPS_MAX;
            while (true) {
                try (Arena listArena = Arena.ofConfined()) {
                    MemorySegment groups = listArena.allocate(JAVA_INT, size);
                    count.set(JAVA_INT, 0, size);
                    if (Downcalls.callPlain(Users.GETGROUPLIST, cUser, group, groups, count) != -1) {
                        int[] result = new int[count.get(JAVA_INT, 0)];
                        for (int i = 0; i < result.length; i++) {
                            result[i] = groups.getAtIndex(JAVA_INT, i);
                        }
                        return result;
                    }
                    // glibc sets the count needed; an old one left it unchanged (CPython doubles then)
                    int needed = count.get(JAVA_INT, 0);
                    size = needed > size ? needed : size * 2;
                }
            }
        }
    }

    /** initgroups(3): 0 or -errno. */
    public static int initgroups(MemorySegment errnoState, Arena arena, byte[] user, int group) {
        return Downcalls.call(Users.INITGROUPS, errnoState, CStrings.of(arena, user), group);
    }

    /** getlogin(3): the login name; null with errno in {@code errnoState} (0: no error, no name). */
    public static byte[] login(MemorySegment errnoState) {
        Downcalls.callPlainPointer(Users.ERRNO_LOCATION).reinterpret(JAVA_INT.byteSize()).set(JAVA_INT, 0, 0);
        MemorySegment name = Downcalls.callPointer(Users.GETLOGIN, errnoState);
        return name.equals(MemorySegment.NULL) ? null : CStrings.bytes(name);
    }

    /** The errno a call left in {@code errnoState}. */
    public static int errno(MemorySegment errnoState) {
        return Downcalls.errno(errnoState);
    }
}
