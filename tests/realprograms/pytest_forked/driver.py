# pytest 7.2.1 + pytest-forked 1.4.0, unmodified: `pytest --forked` runs each test in an
# os.fork()ed child (py.process.ForkedFunc: fork, waitpid, results through a tmp file).
import os, sys, subprocess
here = os.path.dirname(os.path.abspath(__file__))
env = dict(os.environ, DRIVER_PID=str(os.getpid()))
p = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--forked", "-q", "-rf",
                    os.path.join(here, "test_sample.py")], env=env, capture_output=True, text=True, timeout=55)
print(p.stdout[-2500:], p.stderr[-1500:])
ok = p.returncode == 1 and "3 passed" in p.stdout and "1 failed" in p.stdout and "test_crash_is_reported" in p.stdout
print("PASS" if ok else "FAIL (rc=%d)" % p.returncode); sys.exit(0 if ok else 1)
