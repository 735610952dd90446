package org.graalpyos.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.graalpyos.language.Args;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.OsContext;
import org.graalpyos.language.Wire;
import org.graalpyos.nativeapi.CStrings;
import org.graalpyos.nativeapi.Libc;
import org.graalpyos.nativeapi.Signals;

/**
 * subprocess_child_setup(fds_to_keep, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
 * errpipe_read, errpipe_write, has_cwd, cwd, umask, restore_signals, call_setsid, pgid) → "" or
 * the record for the error pipe. In a child of subprocess_fork only, the part of
 * CPython 3.12's child_exec before preexec_fn, in its order: pass_fds made inheritable, the
 * parent's pipe ends closed, the child's pipe ends on 0/1/2, chdir, umask, SIGPIPE/SIGXFSZ back to
 * SIG_DFL, setsid, setpgid, then the credentials of its {@link SubprocessChild.Plan}: setgroups,
 * setregid, setreuid. The first failure stops it:
 * "OSError:&lt;hex errno&gt;:noexec" (":noexec:chdir" for chdir), as subprocess.py parses it.
 */
final class SubprocessChildSetupBuiltin implements Builtin {
    @Override
    public String name() {
        return "subprocess_child_setup";
    }

    /** Unchanged id for setregid/setreuid: (gid_t) -1. */
    private static final int UNCHANGED = -1;

    @Override
    public Object call(OsContext context, Object[] args) {
        Args.expectCount(context, name(), args, 15);
        int[] keep = Wire.parseInts(Args.toJavaString(context, args[0]));
        int p2cread = Args.toInt(context, args[1]);
        int p2cwrite = Args.toInt(context, args[2]);
        int c2pread = Args.toInt(context, args[3]);
        int c2pwrite = Args.toInt(context, args[4]);
        int errread = Args.toInt(context, args[5]);
        int errwrite = Args.toInt(context, args[6]);
        int errpipeRead = Args.toInt(context, args[7]);
        int errpipeWrite = Args.toInt(context, args[8]);
        boolean hasCwd = Args.toBoolean(context, args[9]);
        byte[] cwd = Wire.bytes(Args.toJavaString(context, args[10]));
        int umask = Args.toInt(context, args[11]);
        boolean restoreSignals = Args.toBoolean(context, args[12]);
        boolean callSetsid = Args.toBoolean(context, args[13]);
        int pgid = Args.toInt(context, args[14]);
        SubprocessChild.Plan plan = SubprocessChild.current(context, name());
        int[] groups = plan.groups();
        int gid = plan.gid();
        int uid = plan.uid();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment e = Libc.allocateErrnoState(arena);
            for (int fd : keep) {
                int rc = fd == errpipeWrite ? 0 : setInheritable(e, fd, true);
                if (rc < 0) {
                    return failed(-rc, false);
                }
            }
            for (int fd : new int[]{p2cwrite, c2pread, errread}) {
                int rc = fd == -1 ? 0 : Libc.closeChecked(e, fd);
                if (rc < 0) {
                    return failed(-rc, false);
                }
            }
            int closed = Libc.closeChecked(e, errpipeRead);
            if (closed < 0) {
                return failed(-closed, false);
            }
            // A pipe end that is itself 0, 1 or 2 would be overwritten by an earlier dup2: move it
            // up first (a close-on-exec copy, as CPython's dup + set_inheritable(False)).
            if (c2pwrite == 0) {
                c2pwrite = Libc.fcntl(e, c2pwrite, Libc.F_DUPFD_CLOEXEC, 0);
                if (c2pwrite < 0) {
                    return failed(-c2pwrite, false);
                }
            }
            while (errwrite == 0 || errwrite == 1) {
                errwrite = Libc.fcntl(e, errwrite, Libc.F_DUPFD_CLOEXEC, 0);
                if (errwrite < 0) {
                    return failed(-errwrite, false);
                }
            }
            int[] sources = {p2cread, c2pwrite, errwrite};
            for (int target = 0; target < 3; target++) {
                int fd = sources[target];
                // dup2 onto itself would keep close-on-exec: clear it instead
                int rc = fd == target ? setInheritable(e, fd, true) : fd != -1 ? Libc.dup2(e, fd, target) : 0;
                if (rc < 0) {
                    return failed(-rc, false);
                }
            }
            if (hasCwd) {
                int rc = Libc.chdir(e, CStrings.of(arena, cwd));
                if (rc < 0) {
                    return failed(-rc, true);
                }
            }
            if (umask >= 0) {
                Libc.umask(e, umask);
            }
            if (restoreSignals) {
                // _Py_RestoreSignals: PyOS_setsig(SIG_DFL), errors ignored
                MemorySegment defaultAction = arena.allocate(Libc.SIGACTION_SIZE);
                Libc.sigaction(e, Signals.SIGPIPE, defaultAction, MemorySegment.NULL);
                Libc.sigaction(e, Signals.SIGXFSZ, defaultAction, MemorySegment.NULL);
            }
            int rc = callSetsid ? Libc.setsid(e) : 0;
            if (rc >= 0 && pgid >= 0) {
                rc = Libc.setpgid(e, 0, pgid);
            }
            if (rc >= 0 && groups.length > 0) {
                rc = SetgroupsBuiltin.setgroups(arena, groups);
            }
            if (rc >= 0 && gid != UNCHANGED) {
                rc = Libc.setregid(e, gid, gid);
            }
            if (rc >= 0 && uid != UNCHANGED) {
                rc = Libc.setreuid(e, uid, uid);
            }
            return rc < 0 ? failed(-rc, false) : "";
        }
    }

    /** CPython's _Py_set_inheritable_async_safe: 0 or -errno. */
    static int setInheritable(MemorySegment errnoState, int fd, boolean inheritable) {
        int flags = Libc.fcntl(errnoState, fd, Libc.F_GETFD, 0);
        if (flags < 0) {
            return flags;
        }
        int wanted = inheritable ? flags & ~Libc.FD_CLOEXEC : flags | Libc.FD_CLOEXEC;
        return wanted == flags ? 0 : Libc.fcntl(errnoState, fd, Libc.F_SETFD, wanted);
    }

    private static String failed(int errno, boolean inChdir) {
        return "OSError:" + Integer.toHexString(errno) + (inChdir ? ":noexec:chdir" : ":noexec");
    }
}
