# sh 1.14.2, unmodified: every command is os.fork() + exec, stdout on a pty by default, reader
# threads, select loop; exit codes as exceptions; background processes.
import sys, sh
ok = True
r = str(sh.echo("hello", "sh")); print("echo:", repr(r)); ok &= r == "hello sh\n"
r = str(sh.tr("a-z", "A-Z", _in="piped input")); print("stdin:", repr(r)); ok &= r == "PIPED INPUT"
r = str(sh.wc(sh.printf("a\\nb\\nc\\n"), "-l")).strip(); print("pipeline:", r); ok &= r == "3"
r = sh.sh("-c", "test -t 1 && echo tty || echo notty").strip(); print("stdout is a tty:", r); ok &= r == "tty"
try:
    sh.sh("-c", "exit 5"); ok = False
except sh.ErrorReturnCode_5 as e:
    print("exit 5 raised:", type(e).__name__)
p = sh.sleep(0.5, _bg=True); p.wait(); print("bg exit:", p.exit_code); ok &= p.exit_code == 0
print("PASS" if ok else "FAIL"); sys.exit(0 if ok else 1)
