package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.graalpyos.embed.ProcessCreation;

/** The embedding application's ProcessCreationPolicy sees every process before it exists and can veto it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessCreationPolicyTest {

    @Test
    void everyEntryPointIsShownToThePolicyWhichCanVetoBeforeAnyProcessExists() {
        List<ProcessCreation> seen = new CopyOnWriteArrayList<>();
        try (Python py = Python.full(creation -> {
            seen.add(creation);
            if (creation.arguments().stream().anyMatch(argument -> argument.contains("forbidden")) || creation.function().equals("fork")) {
                throw new SecurityException("not in this application");
            }
        })) {
            String result = py.run("""
                            import os, subprocess
                            out = []
                            pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exit 3'], {'SECRET': 'no'})
                            out.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                            out.append(subprocess.run(['/bin/echo', 'allowed'], capture_output=True, text=True).stdout.strip())
                            out.append(os.system('exit 4') >> 8)
                            for call in (lambda: os.posix_spawnp('echo', ['echo', 'forbidden'], os.environ),
                                         lambda: subprocess.run(['/bin/echo', 'forbidden']),
                                         lambda: os.system('echo forbidden'),
                                         lambda: os.fork()):
                                out.append(error_of(call))
                            out.append(error_of(lambda: os.waitpid(-1, os.WNOHANG)))  # no vetoed child exists
                            import graalpy_os._native
                            out.append(error_of(lambda: graalpy_os._native.builtins.set_process_creation_policy(None, True)))
                            result = "\\n".join(map(str, out))
                            """).asString();
            String[] lines = result.split("\n");
            assertEquals("3", lines[0]);
            assertEquals("allowed", lines[1]);
            assertEquals("4", lines[2]);
            for (int i = 3; i <= 6; i++) {
                assertTrue(lines[i].startsWith("PermissionError: ") && lines[i].endsWith("vetoed by the embedding application's "
                                + "ProcessCreationPolicy: not in this application"), lines[i]);
            }
            assertEquals("ChildProcessError: [Errno 10] No child processes", lines[7]);
            assertEquals("PermissionError: the process creation policy is set by the embedding application, once", lines[8]);
        }
        ProcessCreation spawn = seen.get(0);
        assertEquals(new ProcessCreation("posix_spawn", "/bin/sh", List.of("sh", "-c", "exit 3"), List.of("SECRET=no")), spawn);
        assertEquals("fork_exec", seen.get(1).function());
        assertEquals(List.of("/bin/echo", "allowed"), seen.get(1).arguments());
        assertEquals(new ProcessCreation("system", "/bin/sh", List.of("sh", "-c", "exit 4"), null), seen.get(2));
        assertEquals("posix_spawnp", seen.get(3).function());
        assertEquals("fork", seen.get(seen.size() - 1).function());
    }
}
