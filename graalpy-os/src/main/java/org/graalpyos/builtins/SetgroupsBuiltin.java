package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.Libc;

/** setgroups(gids): os.setgroups; gids as the shim's space-separated gid_t values (Wire). */
final class SetgroupsBuiltin implements Builtin {
    @Override
    public String name() {
        return "setgroups";
    }

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 1);
        int[] groups = Wire.parseUnsignedInts(Args.toJavaString(context, args[0]));
        context.checkCredentialChange("setgroups", groups);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = setgroups(arena, groups);
        }
        if (rc < 0) {
            throw context.errors().osError(-rc, null);
        }
        return true;
    }

    /** setgroups(2) with these gid_t values: 0 or -errno. */
    static int setgroups(Arena arena, int[] groups) {
        MemorySegment list = groups.length == 0 ? MemorySegment.NULL : arena.allocate(JAVA_INT, groups.length);
        for (int i = 0; i < groups.length; i++) {
            list.setAtIndex(JAVA_INT, i, groups[i]);
        }
        return Libc.setgroups(Libc.allocateErrnoState(arena), groups.length, list);
    }
}
