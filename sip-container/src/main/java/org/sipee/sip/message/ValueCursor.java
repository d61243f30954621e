package org.sipee.sip.message;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the pieces of one header value (RFC 3261 §25.1): tokens, quoted strings, hosts, parameters. */
final class ValueCursor {

    private final String text;
    private final String header;
    private int pos;

    ValueCursor(String text, String header) {
        this.text = text;
        this.header = header;
    }

    void skipLws() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    boolean atEnd() {
        skipLws();
        return pos >= text.length();
    }

    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    /** Consumes c after optional whitespace; false (nothing consumed) when the next character is not c. */
    boolean consume(char c) {
        skipLws();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!consume(c)) {
            throw error("expected " + what);
        }
    }

    String token() {
        skipLws();
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A quoted-string including its quotes; backslash escapes are kept. */
    String quoted() {
        skipLws();
        int start = pos;
        expect('"', "'\"'");
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '"') {
                return text.substring(start, pos);
            }
        }
        throw error("unterminated quoted string");
    }

    /** A host name, IPv4 address or bracketed IPv6 reference. */
    String host() {
        skipLws();
        int start = pos;
        if (peek() == '[') {
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw error("unterminated IPv6 reference");
            }
            pos = close + 1;
        } else {
            while (pos < text.length() && isHostChar(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos == start) {
            throw error("missing host");
        }
        return text.substring(start, pos);
    }

    int port() {
        skipLws();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - start < 6) {
            pos++;
        }
        int port = pos == start ? -1 : Integer.parseInt(text, start, pos, 10);
        if (port < 0 || port > 65535) {
            throw error("bad port");
        }
        return port;
    }

    /** Text up to (not including) the first of stop, or to the end. */
    String until(char stop) {
        int end = text.indexOf(stop, pos);
        end = end < 0 ? text.length() : end;
        String part = text.substring(pos, end);
        pos = end;
        return part;
    }

    /** Generic parameters {@code *( SEMI name [ EQUAL value ] )} up to the end of the value; names lower-cased. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>(4);
        while (consume(';')) {
            String name = token();
            if (name.isEmpty()) {
                throw error("empty parameter");
            }
            String value = null;
            if (consume('=')) {
                skipLws();
                value = peek() == '"' ? quoted() : peek() == '[' ? host() : token();
                if (value.isEmpty()) {
                    throw error("parameter " + name + " has an empty value");
                }
            }
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        if (!atEnd()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return params;
    }

    SipParseException error(String problem) {
        return new SipParseException("malformed " + header + " header '" + text + "': " + problem);
    }

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
}
