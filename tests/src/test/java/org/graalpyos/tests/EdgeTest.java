package org.graalpyos.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.graalpyos.builtins.BuiltinRegistry;
import org.graalpyos.edge.Arguments;
import org.graalpyos.edge.Codec;
import org.graalpyos.edge.Declaration;
import org.graalpyos.edge.PythonWrappers;
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
        assertTrue(refusal(ids, 1L << 32, 0).contains("uid is less than minimum")); // _Py_Uid_Converter: a truncated C long
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
        // an FSConverter's encoded path crosses as bytes do
        Arguments path = Arguments.decode(ERRORS, Declaration.parse("initgroups(username: FSConverter, gid: gid_t) -> None"), new Object[]{"r\u00ff", 0});
        assertArrayEquals(new byte[]{'r', (byte) 0xff}, path.bytes("username"));
        // a bool given for a long is a Long, as an int is
        assertEquals(1L, Arguments.decode(ERRORS, Declaration.parse("m(pri: long) -> long"), new Object[]{true}).longInteger("pri"));
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

    private static String wrappers(String declaration) {
        return PythonWrappers.source("posix", List.of(new PythonWrappers.Function(Declaration.parse(declaration), "Doc.", false)), Map.of());
    }

    @Test
    void pythonWrappersAreGeneratedFromTheDeclarationWithClinicsParser() {
        String f = PythonWrappers.source("posix", List.of(new PythonWrappers.Function(
                        Declaration.parse("posix.f(a: int, /, b: uid_t = -1, *, c: bool = False) -> (int, int)"), "Doc.", false)), Map.of("X", 3L));
        assertTrue(f.contains("\nX = 3\n"), f);
        assertTrue(f.contains("_s_f = (\"keywords\", \"posix.f()\", \"f\", (\"a\", \"b\", \"c\", ), 1, 1, 2, (-1, False, ), (None, None, None, ))"), f);
        assertTrue(f.contains("f.__text_signature__ = \"($module, a, /, b=-1, *, c=False)\""), f);
        assertTrue(f.contains("def _signature(a, /, b=-1, *, c=False):"), f);
        assertTrue(f.contains("    if type(b) is not int or not -1 <= b <= 4294967295:\n        b = _v.uid_t(b)\n    c = bool(c)\n    return _ints(_b_f(a, b, c))"), f);
        assertTrue(f.contains("EXPORTS = (\"X\", \"f\", )"), f);
        assertTrue(wrappers("posix.n() -> None").contains("(\"noargs\", "));
        assertTrue(wrappers("posix.o(x: int, /) -> None").contains("(\"o\", "));
        assertTrue(wrappers("posix.p(x: int, y: int = 0, /) -> None").contains("(\"positional\", \"posix.p()\", \"p\", (\"x\", \"y\", ), 2, 1, 2, (0, ), (None, None, ))"));
        assertTrue(wrappers("posix.w(pid: pid_t, options: int, /) -> None").contains("(\"legacy_positional\", "));
        assertTrue(wrappers("posix.g() -> [gid_t]").contains("return list(_ints(_b_g()))"));
        // FSConverter: os.fsencode's bytes cross as latin-1 text; a NULL default (not given) is left for the body
        assertTrue(wrappers("posix.i(username: FSConverter, gid: gid_t, /) -> None").contains("    username = _v.fs_converter(username).decode(\"latin-1\")\n"));
        String openlog = PythonWrappers.source("syslog_", List.of(new PythonWrappers.Function(
                        Declaration.parse("syslog.openlog(ident: unicode = NULL, logoption: long = 0) -> object"), "Doc.", true)), Map.of());
        assertTrue(openlog.contains("    if ident is not _v.NULL:\n        if type(ident) is not str:\n"), openlog);
        assertTrue(openlog.contains("openlog.__text_signature__ = \"($module, /, ident=<unrepresentable>, logoption=0)\""), openlog);
        // clinic's c_default: the shown default in the signatures, the C one (NULL: not given) passed
        String c = wrappers("fcntl.c(fd: fildes, arg: object(c_default='NULL') = 0, /) -> object");
        assertTrue(c.contains("(\"positional\", \"fcntl.c()\", \"c\", (\"fd\", \"arg\", ), 2, 1, 2, (_v.NULL, ), (None, None, ))"), c);
        assertTrue(c.contains("c.__text_signature__ = \"($module, fd, arg=0, /)\""), c);
        assertTrue(c.contains("def _signature(fd, arg=0, /):"), c);
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("posix.c(arg: object(c_default=NULL) = 0) -> None"));
        assertThrows(IllegalArgumentException.class, () -> Declaration.parse("posix.c(arg: object(c_default='NULL')) -> None"));
        // what clinic would not generate, or no module declares, is refused when generated
        assertTrue(wrappers("posix.w(pid: pid_t, *, options: int = 0) -> None").contains(
                        "(\"legacy_keywords\", \"posix.w()\", \"w\", (\"pid\", \"options\", ), 0, 1, 1, (0, ), (_v.format_int, _v.format_int, ))"));
        assertThrows(IllegalArgumentException.class, () -> wrappers("posix.r(a: int = 0, b: int, /) -> None"));
        assertThrows(IllegalArgumentException.class, () -> wrappers("x() -> None"));
    }
}
