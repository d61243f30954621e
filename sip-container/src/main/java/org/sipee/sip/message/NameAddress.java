package org.sipee.sip.message;

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
        params = Params.of(params);
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
            display = unquotedDisplayName(c);
            c.expect('<', "'<'");
            uri = closeAngle(c);
        } else {
            uri = c.until(';').trim();
            // §20: a URI containing a comma, question mark or semicolon must be enclosed in <> (RFC 4475 §3.1.2.13)
            if (uri.indexOf('?') >= 0 || uri.indexOf(',') >= 0) {
                throw c.error("a URI with '?' or ',' must be enclosed in <>");
            }
        }
        checkUri(c, uri);
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

    /** §25.1 display-name = *(token LWS) / quoted-string: unquoted, only tokens (RFC 4475 §3.1.2.15). */
    private static String unquotedDisplayName(ValueCursor c) {
        String display = c.until('<').trim();
        for (int i = 0; i < display.length(); i++) {
            char ch = display.charAt(i);
            if (!ValueCursor.isTokenChar(ch) && ch != ' ' && ch != '\t') {
                throw c.error("display name '" + display + "' has characters that need quoting");
            }
        }
        return display.isEmpty() ? null : display;
    }

    /** LAQUOT addr-spec RAQUOT: no whitespace inside the brackets (§25.1, RFC 4475 §3.1.2.14). */
    private static String closeAngle(ValueCursor c) {
        String uri = c.until('>');
        c.expect('>', "'>'");
        if (uri.isBlank()) {
            throw c.error("empty URI");
        }
        return uri;
    }

    /** absoluteURI / SIP-URI: a scheme (§19.1.1, RFC 3986 §3.1) and no whitespace. */
    private static void checkUri(ValueCursor c, String uri) {
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) <= ' ') {
                throw c.error("whitespace or control character inside the URI '" + uri + "'");
            }
        }
        int colon = uri.indexOf(':');
        if (colon <= 0 || !isScheme(uri, colon)) {
            throw c.error("missing URI scheme");
        }
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
    static boolean isScheme(String uri, int colon) {
        for (int i = 0; i < colon; i++) {
            char ch = uri.charAt(i);
            boolean alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            if (!alpha && (i == 0 || !(ValueCursor.isDigit(ch) || ch == '+' || ch == '-' || ch == '.'))) {
                return false;
            }
        }
        return true;
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
