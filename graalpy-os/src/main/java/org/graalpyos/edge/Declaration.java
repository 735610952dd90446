package org.graalpyos.edge;

import java.util.ArrayList;
import java.util.List;

/**
 * A builtin's signature, written once in the clinic's notation and read once, when the registry is
 * built: {@code "waitpid(pid: pid_t, options: int, /) -> (pid_t, int)"}. Everything about a call is
 * derived from it: how Java decodes the arguments ({@link Arguments}), the errors for arguments it
 * does not allow, and how the result crosses back ({@link Codec}). The wire call is positional,
 * every parameter given, in the declared order.
 * <p>
 * A name qualified by a module ({@code "posix.setuid(uid: uid_t, /) -> None"}) declares a function
 * Python sees in that module: its Python wrapper, with CPython's parser, converters, defaults and
 * {@code __text_signature__}, is generated from the declaration ({@link PythonWrappers}).
 */
public final class Declaration {
    private final String text;
    private final String name;
    private final List<Parameter> parameters;
    /** One item for a plain result; a tuple's items otherwise. */
    private final List<ValueType> result;
    private final boolean tupleResult;

    private Declaration(String text, String name, List<Parameter> parameters, List<ValueType> result, boolean tupleResult) {
        this.text = text;
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.result = List.copyOf(result);
        this.tupleResult = tupleResult;
    }

    public static Declaration parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')', text.contains("->") ? text.indexOf("->") : text.length());
        if (open <= 0 || close < open) {
            throw new IllegalArgumentException("not a declaration: " + text);
        }
        String name = text.substring(0, open).strip();
        List<Parameter> parameters = parameters(text.substring(open + 1, close));
        String arrow = text.substring(close + 1).strip();
        if (!arrow.startsWith("->")) {
            throw new IllegalArgumentException(name + ": no '-> result'");
        }
        String resultText = arrow.substring(2).strip();
        boolean tuple = resultText.startsWith("(") && resultText.endsWith(")");
        List<ValueType> result = new ArrayList<>();
        for (String item : split(tuple ? resultText.substring(1, resultText.length() - 1) : resultText)) {
            result.add(ValueType.parse(item));
        }
        for (int i = 0; tuple && i < result.size(); i++) {
            ValueType item = result.get(i);
            if (item.wire() == WireType.OBJECT || item.wire() == WireType.NONE || item.optional()) {
                throw new IllegalArgumentException(name + ": a tuple holds ints, bool, str, bytes and lists of them");
            }
            if (item.wire() == WireType.BYTES && !item.list() && i != result.size() - 1) {
                throw new IllegalArgumentException(name + ": bytes may hold NUL, so only the last item of a tuple is bytes");
            }
        }
        return new Declaration(text, name, parameters, result, tuple);
    }

    private static List<Parameter> parameters(String text) {
        List<Parameter> parameters = new ArrayList<>();
        List<String> items = split(text);
        int positionalOnly = items.indexOf("/");
        Parameter.Kind kind = positionalOnly >= 0 ? Parameter.Kind.POSITIONAL_ONLY : Parameter.Kind.POSITIONAL_OR_KEYWORD;
        for (String item : items) {
            if (item.equals("/")) {
                kind = Parameter.Kind.POSITIONAL_OR_KEYWORD;
                continue;
            }
            if (item.equals("*")) {
                kind = Parameter.Kind.KEYWORD_ONLY;
                continue;
            }
            int colon = item.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("parameter without a type: " + item);
            }
            int equals = item.indexOf('=', Math.max(colon, item.indexOf(')'))); // after a c_default's
            String type = equals < 0 ? item.substring(colon + 1) : item.substring(colon + 1, equals);
            String defaultValue = equals < 0 ? null : item.substring(equals + 1).strip();
            String cDefault = null;
            int cDefaultAt = type.indexOf("(c_default=");
            if (cDefaultAt >= 0) {
                String quoted = type.substring(cDefaultAt + "(c_default=".length(), type.lastIndexOf(')')).strip();
                if (defaultValue == null || quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
                    throw new IllegalArgumentException("c_default needs a quoted value and a shown default: " + item);
                }
                cDefault = quoted.substring(1, quoted.length() - 1);
                type = type.substring(0, cDefaultAt);
            }
            parameters.add(new Parameter(item.substring(0, colon).strip(), ValueType.parse(type), kind, defaultValue, cDefault));
        }
        return parameters;
    }

    private static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    public String name() {
        return name;
    }

    /** The module Python sees the function in, or null for a builtin only the shims call. */
    public String module() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /** The function's name in its module. */
    public String function() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public List<ValueType> result() {
        return result;
    }

    public boolean tupleResult() {
        return tupleResult;
    }

    int index(String parameter) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(parameter)) {
                return i;
            }
        }
        throw new IllegalStateException(name + " declares no parameter '" + parameter + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
