# python3-daemonize 2.5.0 (Daemonize class), unmodified: fork, setsid, fork, umask, chdir,
# close fds, redirect stdio, lockf-locked pidfile, SIGTERM handler, syslog-free file logging.
import os, sys, time, logging
from daemonize import Daemonize
out, pidpath = sys.argv[1], sys.argv[2]
logger = logging.getLogger("d"); logger.propagate = False
fh = logging.FileHandler(out + ".log"); logger.addHandler(fh); logger.setLevel(logging.DEBUG)
def main():
    with open(out + ".tmp", "w") as f:
        f.write("pid=%d sid=%d cwd=%s pidfile=%s\n" % (os.getpid(), os.getsid(0), os.getcwd(), open(pidpath).read().strip()))
    os.rename(out + ".tmp", out)
    time.sleep(1)
Daemonize(app="realprog", pid=pidpath, action=main, logger=logger, keep_fds=[fh.stream.fileno()], chdir="/tmp").start()
