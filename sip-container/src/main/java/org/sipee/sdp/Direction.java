package org.sipee.sdp;

import java.util.List;

/** Media direction attributes (RFC 8866 §6.7, RFC 3264 §5.1, §6.1). */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The attribute name, e.g. {@code sendonly}. */
    public String attributeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction an answer takes for this offered direction (RFC 3264 §6.1). */
    public Direction mirror() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case INACTIVE -> INACTIVE;
            case SENDRECV -> SENDRECV;
        };
    }

    /** The direction attribute among these, or null when there is none. */
    public static Direction find(List<Attribute> attributes) {
        for (Attribute a : attributes) {
            if (a.value() == null) {
                for (Direction d : values()) {
                    if (d.attributeName().equalsIgnoreCase(a.name())) {
                        return d;
                    }
                }
            }
        }
        return null;
    }
}
