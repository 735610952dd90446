"""graalpy-os demo: process creation from Python on the JVM, CPython-style.

Run: bin/demo   (or: bin/graalpy-os examples/demo.py)
"""
import os
import subprocess
import sys

print(f"Python {sys.version.split()[0]} on {sys.implementation.name}, pid {os.getpid()}, sys.executable={sys.executable}")

# 1. os.posix_spawn with file actions: the child's stdout goes into a pipe we read.
read_end, write_end = os.pipe()
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo hello from pid $$; exit 3"], os.environ,
                     file_actions=[(os.POSIX_SPAWN_DUP2, write_end, 1), (os.POSIX_SPAWN_CLOSE, read_end)])
os.close(write_end)
with os.fdopen(read_end) as pipe:
    line = pipe.read().strip()
wpid, status, rusage = os.wait4(pid, 0)
print(f"posix_spawn: child {pid} said {line!r}, exit code {os.waitstatus_to_exitcode(status)}, "
      f"max RSS {rusage.ru_maxrss} KiB")
assert wpid == pid and line == f"hello from pid {pid}" and os.waitstatus_to_exitcode(status) == 3

# 2. posix_spawnp with a new session and a signal mask, observed through waitid.
pid = os.posix_spawnp("sleep", ["sleep", "0.1"], os.environ, setsid=True)
result = os.waitid(os.P_PID, pid, os.WEXITED)
print(f"posix_spawnp: {result}")
assert result.si_pid == pid and result.si_code == os.CLD_EXITED and result.si_status == 0

# 3. subprocess takes the posix_spawn path exactly where CPython 3.12 does.
completed = subprocess.run(["/bin/echo", "subprocess via posix_spawn"], capture_output=True, close_fds=False, text=True)
print(f"subprocess (_USE_POSIX_SPAWN={subprocess._USE_POSIX_SPAWN}): {completed.stdout.strip()!r}, rc={completed.returncode}")
assert completed.returncode == 0

# 4. os.spawnv family and the errors CPython raises.
print(f"os.spawnv(P_WAIT, '/bin/false'): {os.spawnv(os.P_WAIT, '/bin/false', ['false'])}")
try:
    os.posix_spawn("/nonexistent/program", ["program"], {})
except FileNotFoundError as e:
    print(f"posix_spawn of a missing program: {type(e).__name__}: {e}")
try:
    os.wait()
except ChildProcessError as e:
    print(f"os.wait() with no children: {type(e).__name__}: {e}")

# 5. os.fork with CPython's at-fork hooks: the child reports through a pipe and _exits.
hooks = []
os.register_at_fork(before=lambda: hooks.append("before"), after_in_parent=lambda: hooks.append("after_in_parent"))
read_end, write_end = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(write_end, f"child {os.getpid()} of {os.getppid()}".encode())
    os._exit(42)
os.close(write_end)
message = os.read(read_end, 100).decode()
os.close(read_end)
code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
print(f"os.fork: {message!r}, exit code {code}, parent hooks {hooks}")
assert code == 42 and message == f"child {pid} of {os.getpid()}" and hooks == ["before", "after_in_parent"]

# 6. fork + exec, the classic way to start a program.
pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", "exit 5"], {})
print(f"fork + execve: exit code {os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])}")
print("demo: OK")
