package org.graalpyos.edge;

/** A declared parameter's or result's type: a {@link WireType}, a list of one ("[bytes]"), or either with None allowed ("bytes?"). */
public record ValueType(WireType wire, boolean list, boolean optional) {
    static ValueType parse(String text) {
        String type = text.strip();
        boolean optional = type.endsWith("?");
        if (optional) {
            type = type.substring(0, type.length() - 1).strip();
        }
        boolean list = type.startsWith("[") && type.endsWith("]");
        if (list) {
            type = type.substring(1, type.length() - 1).strip();
        }
        WireType wire = WireType.named(type);
        if (list && (wire == WireType.OBJECT || wire == WireType.NONE || wire == WireType.BOOL)) {
            throw new IllegalArgumentException("a list of " + wire.declared + " cannot cross the edge");
        }
        return new ValueType(wire, list, optional);
    }

    @Override
    public String toString() {
        String base = list ? "[" + wire.declared + "]" : wire.declared;
        return optional ? base + "?" : base;
    }
}
