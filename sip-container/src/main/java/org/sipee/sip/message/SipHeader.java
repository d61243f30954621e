package org.sipee.sip.message;

import java.util.List;
import java.util.Map;

/**
 * One header line as it appears in a message (after unfolding).
 *
 * @param name  the name as written (full or compact, any case)
 * @param key   the lookup key, see {@link HeaderNames#key(String)}
 * @param value the value with surrounding whitespace removed
 */
public record SipHeader(String name, String key, String value) {

    public static SipHeader of(String name, String value) {
        return new SipHeader(name, HeaderNames.key(name), value);
    }

    /** One header line per entry, in the map's order. */
    public static List<SipHeader> listOf(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }
}
