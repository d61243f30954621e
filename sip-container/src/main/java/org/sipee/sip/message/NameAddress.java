package org.sipee.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A From, To, Contact, Route or Record-Route value (RFC 3261 §20.10, §25.1):
 * {@code [display-name] <uri> *(;param)} or {@code addr-spec *(;param)}, where in the second form
 * everything after the first semicolon belongs to the header, not the URI.
 *
 * @param displayName display name as written (quoted string with its quotes, or tokens), or null
 * @param uri         the URI without angle brackets
 * @param params      header parameters, names lower-case
 */
public record NameAddress(String displayName, String uri, Map<String, String> params) {

    public NameAddress {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static NameAddress parse(String value, String headerName) {
        ValueCursor c = new ValueCursor(value, headerName);
        c.skipLws();
        String display = null;
        String uri;
        if (c.peek() == '"') {
            display = c.quoted();
            c.expect('<', "'<' after display name");
            uri = closeAngle(c);
        } else if (hasAngle(value)) {
            display = c.until('<').trim();
            display = display.isEmpty() ? null : display;
            c.expect('<', "'<'");
            uri = closeAngle(c);
        } else {
            uri = c.until(';').trim();
        }
        if (uri.indexOf(':') <= 0) {
            throw c.error("missing URI scheme");
        }
        return new NameAddress(display, uri, c.params());
    }

    public String tag() {
        return params.get("tag");
    }

    /** This value with a tag parameter (RFC 3261 §19.3), as header text. */
    public static String withTag(String headerValue, String tag) {
        return headerValue + ";tag=" + tag;
    }

    private static boolean hasAngle(String value) {
        int angle = value.indexOf('<');
        int semi = value.indexOf(';');
        return angle >= 0 && (semi < 0 || angle < semi);
    }

    private static String closeAngle(ValueCursor c) {
        String uri = c.until('>');
        c.expect('>', "'>'");
        if (uri.isBlank()) {
            throw c.error("empty URI");
        }
        return uri.trim();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (displayName != null) {
            sb.append(displayName).append(' ');
        }
        sb.append('<').append(uri).append('>');
        params.forEach((name, value) -> sb.append(';').append(name).append(value == null ? "" : "=" + value));
        return sb.toString();
    }
}
