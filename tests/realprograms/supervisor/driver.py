# supervisor 4.2.5, unmodified: supervisord daemonizes (fork, setsid, pidfile), forks+execs a
# program, restarts it when it is killed (supervision), answers supervisorctl over a unix socket
# (XML-RPC), then shuts down on SIGTERM removing its pidfile.
import os, sys, subprocess, time, signal
here = os.path.dirname(os.path.abspath(__file__))
w = os.path.join(here, "work"); os.makedirs(w, exist_ok=True)
for f in os.listdir(w): os.unlink(os.path.join(w, f))
conf = os.path.join(w, "supervisord.conf")
with open(conf, "w") as _f: _f.write("""[unix_http_server]
file=%(w)s/sock
[supervisord]
logfile=%(w)s/supervisord.log
pidfile=%(w)s/supervisord.pid
childlogdir=%(w)s
loglevel=info
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://%(w)s/sock
[program:sleeper]
command=/bin/sh -c 'echo $$ > %(w)s/child.pid.tmp && mv %(w)s/child.pid.tmp %(w)s/child.pid && exec sleep 1000'
startsecs=1
autorestart=true
stdout_logfile=%(w)s/sleeper.out
""" % {"w": w})
def wait_for(pred, secs):
    end = time.time() + secs
    while time.time() < end:
        v = pred()
        if v: return v
        time.sleep(0.2)
def readf(p):
    try:
        with open(p) as f: return f.read().strip()
    except FileNotFoundError: return None
ok = True
t = time.time()
# SUPERVISORD_DAEMONIZE=1: supervisord daemonizes itself (default mode); otherwise -n (foreground),
# as Debian's supervisor.service runs it (ExecStart=/usr/bin/supervisord -n -c ...)
if os.environ.get("SUPERVISORD_DAEMONIZE") == "1":
    rc = subprocess.run([sys.executable, "/usr/bin/supervisord", "-c", conf], timeout=50).returncode
    print("supervisord launcher exit:", rc, "after %.1fs" % (time.time() - t)); ok &= rc == 0
    proc = None
else:
    proc = subprocess.Popen([sys.executable, "/usr/bin/supervisord", "-n", "-c", conf])
spid = wait_for(lambda: readf(os.path.join(w, "supervisord.pid")), 20); print("supervisord pid:", spid)
c1 = wait_for(lambda: readf(os.path.join(w, "child.pid")), 25); print("child started:", c1); ok &= bool(c1)
if c1:
    time.sleep(1.5)
    st = subprocess.run([sys.executable, "/usr/bin/supervisorctl", "-c", conf, "status"], capture_output=True, text=True, timeout=40)
    print("supervisorctl status:", st.stdout.strip(), st.stderr.strip()[-500:]); ok &= "RUNNING" in st.stdout
    os.kill(int(c1), signal.SIGKILL)
    c2 = wait_for(lambda: (lambda v: v if v and v != c1 else None)(readf(os.path.join(w, "child.pid"))), 20)
    print("child restarted after SIGKILL:", c2); ok &= bool(c2)
if spid:
    os.kill(int(spid), signal.SIGTERM)
    gone = wait_for(lambda: not os.path.exists(os.path.join(w, "supervisord.pid")), 20)
    if proc: print("supervisord exit:", proc.wait(10))
    print("supervisord stopped, pidfile removed:", bool(gone)); ok &= bool(gone)
    if not gone:
        try: os.kill(int(spid), signal.SIGKILL)
        except OSError: pass
else: ok = False
print("--- supervisord.log tail:"); print((readf(os.path.join(w, "supervisord.log")) or "")[-1500:])
print("PASS" if ok else "FAIL"); sys.exit(0 if ok else 1)
