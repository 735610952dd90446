# Starts daemonprog.py with this interpreter; the launching process must exit at once (daemon
# detached), the daemon must write its report with pid == pidfile, its own session, cwd /tmp,
# and remove the pidfile when it ends.
import os, sys, subprocess, time
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "daemon.out"); pidpath = os.path.join(here, "daemon.pid")
for f in (out, pidpath, out + ".stderr"):
    try: os.unlink(f)
    except FileNotFoundError: pass
t = time.time()
rc = subprocess.run([sys.executable, os.path.join(here, "daemonprog.py"), out, pidpath], timeout=50).returncode
print("launcher exit:", rc, "after %.1fs" % (time.time() - t))
deadline = time.time() + 40
while time.time() < deadline and not os.path.exists(out): time.sleep(0.2)
ok = False
if os.path.exists(out):
    rep = open(out).read().strip(); print("daemon report:", rep)
    d = dict(kv.split("=", 1) for kv in rep.split())
    ok = d["pid"] == d["pidfile"] and d["sid"] != str(os.getsid(0)) and d["sid"] == d["pgid"] and d["cwd"] == "/tmp"
    # the pidfile goes away when the daemon exits (lockfile released in DaemonContext.close)
    while time.time() < deadline and os.path.exists(pidpath): time.sleep(0.2)
    print("pidfile removed:", not os.path.exists(pidpath))
    ok = ok and not os.path.exists(pidpath)
else:
    print("no daemon report")
if os.path.exists(out + ".stderr"): print("daemon stderr:", open(out + ".stderr").read()[-2000:])
print("PASS" if ok and rc == 0 else "FAIL"); sys.exit(0 if ok and rc == 0 else 1)
