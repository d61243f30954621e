package org.sipee.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Digest challenge or credentials value (RFC 3261 §25.1: {@code "Digest" LWS auth-param
 * *(COMMA auth-param)}, each a token or quoted-string with quoted-pairs), read defensively: limits on the whole
 * value, each parameter and their number, no duplicates, no control characters. Error messages name parameters,
 * never echo values (they may be digest responses).
 */
final class DigestParams {

    static final int MAX_HEADER_LENGTH = 4096;
    static final int MAX_VALUE_LENGTH = 256;
    private static final int MAX_NAME_LENGTH = 32;
    private static final int MAX_PARAMS = 32;
    private static final String TOKEN_PUNCTUATION = "-.!%*_+`'~";

    private final String text;
    private int pos;

    private DigestParams(String text) {
        this.text = text;
    }

    /** Whether the value's auth-scheme is Digest (case-insensitive, RFC 3261 §25.1). */
    static boolean isDigest(String value) {
        if (value == null) {
            return false;
        }
        String trimmed = value.stripLeading();
        return trimmed.regionMatches(true, 0, "Digest", 0, 6)
                && (trimmed.length() == 6 || trimmed.charAt(6) == ' ' || trimmed.charAt(6) == '\t');
    }

    /** Parameter names in lower case, values unquoted, in order. */
    static Map<String, String> parse(String value) throws DigestParseException {
        if (value == null || value.isBlank()) {
            throw new DigestParseException("empty header value");
        }
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new DigestParseException("header value longer than " + MAX_HEADER_LENGTH + " characters");
        }
        if (!isDigest(value)) {
            throw new DigestParseException("auth-scheme is not Digest");
        }
        return new DigestParams(value).params();
    }

    /** A quoted-string of the value, with '"' and '\' escaped (§25.1 quoted-pair). */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private Map<String, String> params() throws DigestParseException {
        pos = text.length() - text.stripLeading().length() + 6;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skipLws();
            String name = token("parameter name", MAX_NAME_LENGTH).toLowerCase(Locale.ROOT);
            skipLws();
            expect('=', "'=' after parameter " + name);
            skipLws();
            String value = pos < text.length() && text.charAt(pos) == '"' ? quoted(name) : token(name, MAX_VALUE_LENGTH);
            if (params.putIfAbsent(name, value) != null) {
                throw new DigestParseException("duplicate parameter " + name);
            }
            if (params.size() > MAX_PARAMS) {
                throw new DigestParseException("more than " + MAX_PARAMS + " parameters");
            }
            skipLws();
            if (pos == text.length()) {
                return params;
            }
            expect(',', "',' after parameter " + name);
        }
    }

    private String token(String what, int maxLength) throws DigestParseException {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new DigestParseException("expected " + what + " at offset " + start);
        }
        if (pos - start > maxLength) {
            throw new DigestParseException(what + " longer than " + maxLength + " characters");
        }
        return text.substring(start, pos);
    }

    private String quoted(String name) throws DigestParseException {
        StringBuilder sb = new StringBuilder();
        pos++; // the opening DQUOTE
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new DigestParseException("control character in parameter " + name);
            }
            if (sb.length() == MAX_VALUE_LENGTH) {
                throw new DigestParseException("parameter " + name + " longer than " + MAX_VALUE_LENGTH + " characters");
            }
            sb.append(c);
        }
        throw new DigestParseException("unterminated quoted string in parameter " + name);
    }

    private void expect(char c, String what) throws DigestParseException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new DigestParseException("expected " + what + " at offset " + pos);
        }
        pos++;
    }

    private void skipLws() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static boolean isTokenChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || TOKEN_PUNCTUATION.indexOf(c) >= 0);
    }
}
