package org.graalpyos.edge;

/**
 * One parameter of a declaration. Its kind follows CPython's signature markers ("/" ends the
 * positional-only ones, "*" starts the keyword-only ones); {@code defaultValue} is the default's
 * Python text, or null when the parameter is required.
 */
public record Parameter(String name, ValueType type, Kind kind, String defaultValue) {
    public enum Kind {
        POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, KEYWORD_ONLY
    }
}
