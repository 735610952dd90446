package org.graalpyos.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalpyos.embed.ProcessCreation;

/** {@link ProcessCreation}s from the byte strings the builtins receive. */
final class ProcessCreations {
    private ProcessCreations() {
    }

    /** environment null: inherited. */
    static ProcessCreation of(String function, byte[] executable, List<byte[]> arguments, List<byte[]> environment) {
        return new ProcessCreation(function, executable == null ? null : text(executable), texts(arguments),
                        environment == null ? null : texts(environment));
    }

    static ProcessCreation fork() {
        return new ProcessCreation("fork", null, List.of(), null);
    }

    private static List<String> texts(List<byte[]> items) {
        List<String> texts = new ArrayList<>(items.size());
        for (byte[] item : items) {
            texts.add(text(item));
        }
        return List.copyOf(texts);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
