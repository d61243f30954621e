package org.sipee.sdp;

/**
 * An a= line (RFC 8866 §5.13): {@code a=<name>} (property) or {@code a=<name>:<value>}.
 *
 * @param value null for a property attribute such as {@code a=sendonly}
 */
public record Attribute(String name, String value) {

    public static Attribute property(String name) {
        return new Attribute(name, null);
    }

    public static Attribute of(String name, String value) {
        return new Attribute(name, value);
    }

    /** The text after {@code a=}. */
    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
