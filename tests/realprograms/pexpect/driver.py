# pexpect 4.8 + ptyprocess 0.7, unmodified: spawn programs on a pty (pty.fork + exec in the child),
# talk to them, read their exit status.
import sys, pexpect
ok = True
c = pexpect.spawn("cat", timeout=20, encoding="utf-8")
c.sendline("hello pty")
i = c.expect(["hello pty\r\nhello pty\r\n", pexpect.TIMEOUT])  # tty echo + cat's copy
print("cat echo:", "ok" if i == 0 else "TIMEOUT %r" % c.before); ok &= i == 0
c.sendeof(); c.expect(pexpect.EOF); c.close()
print("cat exit:", c.exitstatus, c.signalstatus); ok &= c.exitstatus == 0
sh = pexpect.spawn("/bin/sh", ["-c", "stty -echo; printf 'name? '; read n; echo \"hi $n\"; exit 3"], timeout=20, encoding="utf-8")
sh.expect_exact("name? "); sh.sendline("graal"); sh.expect(r"hi (\w+)")
print("sh dialog:", sh.match.group(1)); ok &= sh.match.group(1) == "graal"
sh.expect(pexpect.EOF); sh.close(); print("sh exit:", sh.exitstatus); ok &= sh.exitstatus == 3
out, st = pexpect.run("sh -c 'echo $((6*7)); tty >/dev/null && echo tty'", withexitstatus=True, timeout=20)
print("run:", out, st); ok &= out == b"42\r\ntty\r\n" and st == 0
print("PASS" if ok else "FAIL"); sys.exit(0 if ok else 1)
