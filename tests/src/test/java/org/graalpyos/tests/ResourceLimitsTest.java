package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * resource.getrlimit/setrlimit/prlimit (GraalPy's had no setrlimit or prlimit, a getrlimit that
 * answered 2**63-1, and other systems' RLIMIT_* numbers), compared with python3's answers, and
 * the usual preexec_fn that limits a subprocess's child.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResourceLimitsTest {
    private static final String CASES = """
                    import resource, sys
                    print({n: getattr(resource, n) for n in sorted(dir(resource)) if n.startswith("RLIM")})
                    print([resource.getrlimit(r) for r in (resource.RLIMIT_NOFILE, resource.RLIMIT_CORE, resource.RLIMIT_CPU)])
                    events = []
                    sys.addaudithook(lambda e, a: events.append((e, a)) if e.startswith("resource.") else None)
                    calls = [(resource.getrlimit, ()), (resource.getrlimit, (1, 2)), (resource.getrlimit, ("a",)),
                             (resource.getrlimit, (16,)), (resource.getrlimit, (2**31,)), (resource.setrlimit, (1,)),
                             (resource.setrlimit, (-1, (1, 1))), (resource.setrlimit, (4, 5)), (resource.setrlimit, (4, (1,))),
                             (resource.setrlimit, (4, ("a", 1))), (resource.setrlimit, (4, (2**63, 1))),
                             (resource.setrlimit, (4, (10, 5))), (resource.setrlimit, (4, [0, 0])),
                             (resource.setrlimit, (4, (0, 1))), (resource.prlimit, (0,)), (resource.prlimit, (0, 4)),
                             (resource.prlimit, (0, 4, (0, 0))), (resource.prlimit, (0, 4, None)),
                             (resource.prlimit, (2**31, 4)), (resource.prlimit, (0, 2**31)), (resource.prlimit, (0, -2**31 - 1)),
                             (resource.prlimit, (0, 4, (5, 1)))]
                    for function, args in calls:
                        try:
                            print(function.__name__, args, function(*args))
                        except Exception as e:
                            print(function.__name__, args, type(e).__name__, e)
                    try:
                        resource.setrlimit(4, (0, 0), limits=1)
                    except TypeError as e:
                        print(e)
                    print(resource.getrlimit(resource.RLIMIT_CORE), events)
                    """;

    @Test
    void getrlimitSetrlimitAndPrlimitAnswerAsPython3Does() throws Exception {
        String expected = Launcher.python3(CASES);
        Launcher.Result r = Launcher.run("-c", CASES);
        assertEquals(expected, r.stdout(), r.stderr());
    }

    @Test
    void aPreexecFnLimitsTheForkedChildOnly() throws Exception {
        Launcher.Result r = Launcher.run("-c", """
                        import resource, subprocess
                        def limit():
                            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
                            resource.setrlimit(resource.RLIMIT_NOFILE, (123, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
                        before = resource.getrlimit(resource.RLIMIT_NOFILE)
                        print(subprocess.run(["sh", "-c", "ulimit -c; ulimit -n"], preexec_fn=limit, capture_output=True,
                                             text=True).stdout.split())
                        print(resource.getrlimit(resource.RLIMIT_NOFILE) == before)
                        """);
        assertEquals("['0', '123']\nTrue\n", r.stdout(), r.stderr());
    }
}
