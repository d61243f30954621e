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
        if (peek() == '[') { // IPv6reference (RFC 3261 §25.1, RFC 5118 §4.1)
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw error("unterminated IPv6 reference");
            }
            if (!IpLiterals.isIpv6(text.substring(pos + 1, close))) {
                throw error("'" + text.substring(pos, close + 1) + "' is not an IPv6 reference");
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
        while (pos < text.length() && isDigit(text.charAt(pos)) && pos - start < 6) {
            pos++;
        }
        int port = pos == start ? -1 : Integer.parseInt(text, start, pos, 10);
        if (port < 0 || port > 65535) {
            throw error("bad port");
        }
        return port;
    }

    /** The text not read yet. */
    String rest() {
        return text.substring(pos);
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
        LinkedHashMap<String, String> params = new LinkedHashMap<>(4);
        while (consume(';')) {
            String name = token();
            if (name.isEmpty()) {
                throw error("empty parameter");
            }
            String value = null;
            if (consume('=')) {
                skipLws();
                value = peek() == '"' ? quoted() : peek() == '[' ? host() : "received".equalsIgnoreCase(name) ? received() : token();
                if (value.isEmpty()) {
                    throw error("parameter " + name + " has an empty value");
                }
            }
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        if (!atEnd()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return Params.owning(params);
    }

    /** Via received (RFC 3261 §20.42): an IPv4 or IPv6 address; RFC 5118 §4.5: IPv6 with or without brackets. */
    private String received() {
        int start = pos;
        while (pos < text.length() && (Character.digit(text.charAt(pos), 16) >= 0 && text.charAt(pos) < 0x80
                || text.charAt(pos) == ':' || text.charAt(pos) == '.')) {
            pos++;
        }
        String address = text.substring(start, pos);
        if (address.indexOf(':') < 0) {
            pos = start;
            return token();
        }
        if (!IpLiterals.isIpv6(address)) {
            throw error("received '" + address + "' is not an IPv6 address");
        }
        return address;
    }

    SipParseException error(String problem) {
        String what = header.equals("URI") ? "URI part '" : header + " header '";
        return new SipParseException("malformed " + what + SipParser.abbreviate(text) + "': " + problem);
    }

    /** An ASCII digit (Character.isDigit would take any Unicode digit). */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether text is 1*DIGIT. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of 1*DIGIT text, or limit when it is limit or more (leading zeros allowed, no overflow). */
    static long value(String digits, long limit) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
            if (value >= limit) {
                return limit;
            }
        }
        return value;
    }

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
}
