package org.graalpyos.jvm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.graalpyos.nativeapi.CConstant;

/**
 * Resolves HotSpot-internal symbols from libjvm.so's ELF {@code .symtab} (the dynamic symbol
 * table does not export them): the load address from /proc/self/maps plus each symbol's value.
 */
final class LibJvmSymbols {
    @CConstant private static final int SHT_SYMTAB = 2;
    @CConstant("sizeof(Elf64_Sym)") private static final int SYM_SIZE = 24;
    /** Function-local statics of mutex_init(): the storage of each global JVM Mutex. */
    private static final String MUTEX_STORAGE_PREFIX = "_ZZ10mutex_initvE";
    private static final String MUTEX_STORAGE_SUFFIX = "_storage";
    private static final String VTABLE_PREFIX = "_ZTV";

    final long base;
    final Map<String, Long> symbols = new HashMap<>();
    /** Mutex name → absolute address of its storage. */
    final Map<String, Long> mutexes = new HashMap<>();
    /** VM operation class name → the absolute address an instance's vtable pointer holds. */
    final Map<String, Long> vmOperationVtables = new HashMap<>();

    private LibJvmSymbols(long base) {
        this.base = base;
    }

    /** This process's libjvm.so: {@link #read(Path, long, Set, Set)} at the address it is loaded at. */
    static LibJvmSymbols read(Set<String> required, Set<String> optional) throws IOException {
        long base = -1;
        Path library = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.endsWith("/libjvm.so")) {
                String[] fields = line.trim().split("\\s+");
                if (Long.parseLong(fields[2], 16) == 0) {
                    base = Long.parseUnsignedLong(fields[0].substring(0, fields[0].indexOf('-')), 16);
                    library = Path.of(fields[5]);
                    break;
                }
            }
        }
        if (library == null) {
            throw new IOException("libjvm.so is not mapped in this process");
        }
        return read(library, base, required, optional);
    }

    /**
     * Reads the required and optional symbols and every global mutex of {@code library} loaded at
     * {@code base}; throws when its .symtab or a required symbol is missing.
     */
    static LibJvmSymbols read(Path library, long base, Set<String> required, Set<String> optional) throws IOException {
        Set<String> wanted = new java.util.HashSet<>(required);
        wanted.addAll(optional);
        LibJvmSymbols result = new LibJvmSymbols(base);
        try (FileChannel channel = FileChannel.open(library)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            result.scan(mapped.order(ByteOrder.LITTLE_ENDIAN), wanted);
        }
        if (!result.symbols.keySet().containsAll(required)) {
            throw new IOException(library + " lacks symbols " + required.stream().filter(w -> !result.symbols.containsKey(w)).toList());
        }
        return result;
    }

    private void scan(ByteBuffer elf, Set<String> wanted) throws IOException {
        if (elf.getInt(0) != 0x464c457f || elf.get(4) != 2) {
            throw new IOException("libjvm.so is not a 64-bit ELF file");
        }
        long sectionHeaders = elf.getLong(0x28);
        int headerSize = elf.getShort(0x3A) & 0xffff;
        int count = elf.getShort(0x3C) & 0xffff;
        boolean found = false;
        for (int i = 0; i < count; i++) {
            int header = (int) (sectionHeaders + (long) i * headerSize);
            if (elf.getInt(header + 4) != SHT_SYMTAB) {
                continue;
            }
            found = true;
            long offset = elf.getLong(header + 0x18);
            long size = elf.getLong(header + 0x20);
            int stringSection = (int) (sectionHeaders + (long) elf.getInt(header + 0x28) * headerSize);
            long strings = elf.getLong(stringSection + 0x18);
            for (long entry = offset; entry < offset + size; entry += SYM_SIZE) {
                int nameOffset = elf.getInt((int) entry);
                if (nameOffset != 0) {
                    String name = cString(elf, (int) (strings + nameOffset));
                    long value = elf.getLong((int) entry + 8);
                    if (wanted.contains(name)) {
                        symbols.put(name, value);
                    } else if (name.startsWith(MUTEX_STORAGE_PREFIX) && name.endsWith(MUTEX_STORAGE_SUFFIX)) {
                        mutexes.put(mutexName(name), base + value);
                    } else if (name.startsWith(VTABLE_PREFIX) && name.contains("VM_")) {
                        // an object's vtable pointer skips the offset-to-top and typeinfo words
                        vmOperationVtables.put(name.substring(name.indexOf("VM_")), base + value + 16);
                    }
                }
            }
        }
        if (!found) {
            throw new IOException("libjvm.so has no .symtab (stripped JDK build)");
        }
    }

    /** "_ZZ10mutex_initvE19Threads_lock_storage" → "Threads_lock". */
    private static String mutexName(String symbol) {
        String rest = symbol.substring(MUTEX_STORAGE_PREFIX.length(), symbol.length() - MUTEX_STORAGE_SUFFIX.length());
        int digits = 0;
        while (digits < rest.length() && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        return rest.substring(digits);
    }

    private static String cString(ByteBuffer elf, int start) {
        int end = start;
        while (elf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        elf.get(start, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
