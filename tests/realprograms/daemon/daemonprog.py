# python3-daemon (PEP 3143 DaemonContext) + lockfile pidfile, unmodified: double fork, setsid,
# umask, chdir, close fds, redirect stdio, pidfile lock; the daemon writes a report and exits.
import os, sys, time, signal
import daemon, daemon.pidfile
out, pidpath = sys.argv[1], sys.argv[2]
log = open(out + ".stderr", "w")
ctx = daemon.DaemonContext(working_directory="/tmp", umask=0o022,
                           pidfile=daemon.pidfile.TimeoutPIDLockFile(pidpath, acquire_timeout=5),
                           stderr=log, signal_map={signal.SIGTERM: "terminate"})
launcher_pid = os.getpid()
with ctx:
    with open(out + ".tmp", "w") as f:
        f.write("pid=%d sid=%d pgid=%d ppid_is_1_or_subreaper=%s cwd=%s pidfile=%s launcher=%d\n" % (
            os.getpid(), os.getsid(0), os.getpgid(0), os.getppid() != launcher_pid, os.getcwd(),
            open(pidpath).read().strip(), launcher_pid))
    os.rename(out + ".tmp", out)
    time.sleep(1)
