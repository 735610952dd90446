package org.graalpyos.edge;

/**
 * One parameter of a declaration. Its kind follows CPython's signature markers ("/" ends the
 * positional-only ones, "*" starts the keyword-only ones); {@code defaultValue} is the default's
 * Python text, or null when the parameter is required; {@code cDefault}, clinic's
 * {@code c_default}, is what a call without the argument passes when that differs from the shown
 * default ({@code arg: object(c_default='NULL') = 0}: shown "arg=0", passed as not given), else null.
 */
public record Parameter(String name, ValueType type, Kind kind, String defaultValue, String cDefault) {
    public enum Kind {
        POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, KEYWORD_ONLY
    }
}
