package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.graalpyos.builtins.BuiltinRegistry;
import org.graalpyos.edge.Arguments;
import org.graalpyos.edge.Codec;
import org.graalpyos.edge.Declaration;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.PythonErrors;

/** The declarations and the codec, without Python: what crosses the edge and what it refuses. */
class EdgeTest {
    /** Not bound to Python: its errors are plain guest errors carrying the message. */
    private static final PythonErrors ERRORS = new PythonErrors();

    private static String refusal(Declaration declaration, Object... arguments) {
        return assertThrows(RuntimeException.class, () -> Arguments.decode(ERRORS, declaration, arguments)).getMessage();
    }

    @Test
    void everyBuiltinIsDeclaredOnceUnderItsOwnName() {
        Set<String> names = new HashSet<>();
        for (Builtin builtin : BuiltinRegistry.all()) {
            assertTrue(names.add(builtin.name()), "declared twice: " + builtin.name());
            assertTrue(builtin.declaration().toString().startsWith(builtin.name() + "("), builtin.declaration().toString());
        }
        assertTrue(names.containsAll(List.of("posix_spawn", "subprocess_spawn", "subprocess_fork", "waitpid", "execve")), names.toString());
    }

    @Test
    void argumentsAreDecodedByTheDeclarationWithCPythonsErrors() {
        Declaration waitpid = Declaration.parse("waitpid(pid: pid_t, options: int) -> (pid_t, int)");
        Arguments args = Arguments.decode(ERRORS, waitpid, new Object[]{-1, true});
        assertEquals(-1, args.integer("pid"));
        assertEquals(1, args.integer("options")); // bool is an int, as in CPython
        assertTrue(refusal(waitpid, 1).contains("waitpid() takes exactly 2 arguments (1 given)"));
        assertTrue(refusal(waitpid, "x", 0).contains("waitpid() argument 'pid' must be pid_t, not str"));
        assertTrue(refusal(waitpid, 1L << 40, 0).contains("Python int too large to convert to C int"));
        Declaration ids = Declaration.parse("setreuid(ruid: uid_t, euid: uid_t) -> None");
        assertEquals(-1, Arguments.decode(ERRORS, ids, new Object[]{0xFFFFFFFFL, -1}).integer("ruid"));
        assertTrue(refusal(ids, -2, 0).contains("uid is less than minimum"));
        assertTrue(refusal(ids, 1L << 32, 0).contains("uid is greater than maximum"));
    }

    @Test
    void listsAndOptionalValuesCrossAsOneStrAndNone() {
        Declaration declaration = Declaration.parse("f(argv: [bytes], fds: [int], env: [bytes]?, cwd: bytes?, groups: [gid_t]) -> None");
        Arguments args = Arguments.decode(ERRORS, declaration, new Object[]{"a\0\0\u00ff\0", "3\0-4\0", "", "/tmp", "4294967295\0"});
        List<byte[]> argv = args.byteStrings("argv");
        assertEquals(3, argv.size());
        assertArrayEquals(new byte[0], argv.get(1));
        assertArrayEquals(new byte[]{(byte) 0xff}, argv.get(2));
        assertArrayEquals(new int[]{3, -4}, args.integers("fds"));
        assertEquals(0, args.byteStrings("env").size());
        assertArrayEquals("/tmp".getBytes(StandardCharsets.US_ASCII), args.bytes("cwd"));
        assertArrayEquals(new int[]{-1}, args.integers("groups"));
        assertThrows(IllegalArgumentException.class, () -> Arguments.decode(ERRORS, declaration, new Object[]{"a", "", "", "", ""}));
        assertThrows(IllegalArgumentException.class, () -> Arguments.decode(ERRORS, declaration, new Object[]{"", "x\0", "", "", ""}));
        assertThrows(IllegalArgumentException.class, () -> Arguments.decode(ERRORS, declaration, new Object[]{"\u0100\0", "", "", "", ""}));
        assertTrue(refusal(declaration, "", "", 1, "", "").contains("argument 'env' must be [bytes]?, not int"));
    }

    @Test
    void resultsAreEncodedByTheDeclaration() {
        assertEquals("12\0" + "256\0", Codec.result(Declaration.parse("w() -> (pid_t, int)"), new long[]{12, 256}));
        assertEquals("1\0" + "2\0" + "3\0" + "4\0" + "x\0y",
                        Codec.result(Declaration.parse("r() -> (int, [int], bytes)"), new Object[]{1, new int[]{3, 4}, "x\0y".getBytes()}));
        assertEquals("5\0" + "6\0", Codec.result(Declaration.parse("l() -> [long]"), new long[]{5, 6}));
        assertEquals("\u00ff", Codec.result(Declaration.parse("b() -> bytes"), new byte[]{(byte) 0xff}));
        Object none = Codec.result(Declaration.parse("n() -> str?"), null);
        assertTrue(com.oracle.truffle.api.interop.InteropLibrary.getUncached().isNull(none));
    }

    @Test
    void declarationsThatCannotCrossAreRefusedWhenRead() {
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("f(x: float) -> None"));
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("f() -> (bytes, int)"));
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("f(x: [object]) -> None"));
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("f(x) -> None"));
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("f(x: int)"));
    }
}
