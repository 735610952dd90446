# Runs Debian's unmodified /usr/bin/gunicorn (pre-fork WSGI server) with 2 sync workers
# under the same interpreter as this driver, sends 4 requests, SIGTERMs the arbiter.
import os, sys, subprocess, time, urllib.request, signal, socket
here = os.path.dirname(os.path.abspath(__file__))
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
log = open(os.path.join(here, "gunicorn.log"), "w")
p = subprocess.Popen([sys.executable, "/usr/bin/gunicorn", "-w", "2", "-b", "127.0.0.1:%d" % port,
                      "--chdir", here, "--timeout", "10", "app:app"], stdout=log, stderr=subprocess.STDOUT)
ok = False
pids = set()
deadline = time.time() + 45
while time.time() < deadline and p.poll() is None:
    try:
        for _ in range(4):
            r = urllib.request.urlopen("http://127.0.0.1:%d/" % port, timeout=20).read().decode()
            pids.add(r.split()[-1])
        ok = True
        break
    except OSError:
        time.sleep(0.5)
print("responses ok:", ok, "worker pids seen:", len(pids))
if p.poll() is None:
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(30)
    except subprocess.TimeoutExpired:
        p.kill(); rc = "hung"
else:
    rc = p.returncode
print("arbiter exit:", rc)
log.close()
print(open(os.path.join(here, "gunicorn.log")).read()[-3000:])
sys.exit(0 if ok and rc == 0 else 1)
