package org.graalpyos.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ELF symbol reader against binutils: a shared object compiled here with gcc, and this JVM's
 * own libjvm.so, each compared with what nm reads from the same file.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LibJvmSymbolsTest {
    private static final String PROBE_SOURCE = """
                    int graalpyos_probe_data = 42;
                    int graalpyos_probe_function(void) { return graalpyos_probe_data; }
                    /* named as HotSpot's mutex storage and a VM operation's vtable are */
                    char _ZZ10mutex_initvE10Probe_lock_storage[64];
                    void *_ZTV11VM_ProbeOp[4];
                    """;

    @Test
    void aCompiledSharedObjectsSymbolsAreNmsValues(@TempDir Path dir) throws Exception {
        Path library = compileProbe(dir);
        Map<String, Long> nm = nm(library);
        long base = 0x7f00_0000_0000L;
        LibJvmSymbols symbols = LibJvmSymbols.read(library, base, Set.of("graalpyos_probe_data", "graalpyos_probe_function"),
                        Set.of("graalpyos_probe_absent"));
        assertEquals(base, symbols.base);
        assertEquals(nm.get("graalpyos_probe_data"), symbols.symbols.get("graalpyos_probe_data"));
        assertEquals(nm.get("graalpyos_probe_function"), symbols.symbols.get("graalpyos_probe_function"));
        assertFalse(symbols.symbols.containsKey("graalpyos_probe_absent"));
        assertEquals(base + nm.get("_ZZ10mutex_initvE10Probe_lock_storage"), symbols.mutexes.get("Probe_lock"));
        // an object's vtable pointer skips the two words before the first virtual function (Itanium C++ ABI)
        assertEquals(base + nm.get("_ZTV11VM_ProbeOp") + 16, symbols.vmOperationVtables.get("VM_ProbeOp"));
    }

    @Test
    void aMissingRequiredSymbolOrSymbolTableIsAnError(@TempDir Path dir) throws Exception {
        Path library = compileProbe(dir);
        IOException missing = assertThrows(IOException.class, () -> LibJvmSymbols.read(library, 0, Set.of("graalpyos_probe_absent"), Set.of()));
        assertTrue(missing.getMessage().contains("graalpyos_probe_absent"), missing.getMessage());
        run("strip", "--strip-all", library.toString());
        assertTrue(nm(library).isEmpty(), "strip left a symbol table");
        IOException stripped = assertThrows(IOException.class, () -> LibJvmSymbols.read(library, 0, Set.of("graalpyos_probe_data"), Set.of()));
        assertTrue(stripped.getMessage().contains(".symtab"), stripped.getMessage());
    }

    @Test
    void thisJvmsLibjvmIsReadWhereItIsLoaded() throws Exception {
        String safepointState = "_ZN20SafepointSynchronize6_stateE";
        LibJvmSymbols symbols = LibJvmSymbols.read(Set.of(safepointState), Set.of());
        // the start of a mapping of libjvm.so's first page (this JVM may map it more than once)
        List<String> mappings = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                        .filter(line -> line.endsWith("/libjvm.so") && line.split("\\s+")[2].matches("0+")).toList();
        assertTrue(mappings.stream().anyMatch(line -> Long.parseUnsignedLong(line.substring(0, line.indexOf('-')), 16) == symbols.base),
                        Long.toHexString(symbols.base) + " " + mappings);
        Path library = Path.of(mappings.get(0).substring(mappings.get(0).indexOf('/')));
        assertEquals(nm(library).get(safepointState), symbols.symbols.get(safepointState));
        assertTrue(symbols.mutexes.containsKey("Threads_lock"), symbols.mutexes.keySet().toString());
    }

    private static Path compileProbe(Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("probe.c"), PROBE_SOURCE);
        Path library = dir.resolve("libprobe.so");
        run("gcc", "-shared", "-fPIC", "-o", library.toString(), source.toString());
        return library;
    }

    /** nm's defined symbols of {@code library} (its .symtab): name → value. */
    private static Map<String, Long> nm(Path library) throws Exception {
        Map<String, Long> values = new HashMap<>();
        for (String line : run("nm", "--defined-only", library.toString())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3) {
                values.put(fields[2], Long.parseUnsignedLong(fields[0], 16));
            }
        }
        return values;
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command[0] + " did not finish");
        // nm of a stripped object reports "no symbols" with status 0 (binutils 2.38+) or 1
        assertTrue(process.exitValue() == 0 || command[0].equals("nm") && output.contains("no symbols"), command[0] + ": " + output);
        return output.lines().toList();
    }
}
