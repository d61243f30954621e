package org.sipee.sip.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sip: or sips: URI as far as routing needs it (RFC 3261 §19.1): user, host, port, uri-parameters.
 * Headers after '?' are kept out of the parameters and otherwise ignored. Parts are kept escaped as
 * received; {@link #unescape} decodes them for comparison (§19.1.4).
 */
public record SipUri(String scheme, String user, String host, int port, Map<String, String> params) {

    public SipUri {
        params = Params.of(params);
    }

    public static SipUri parse(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new SipParseException("not a SIP URI: '" + uri + "'");
        }
        int at = uri.indexOf('@', colon);
        String user = at < 0 ? null : uri.substring(colon + 1, at);
        int question = uri.indexOf('?', at < 0 ? colon : at);
        String hostPart = uri.substring(at < 0 ? colon + 1 : at + 1, question < 0 ? uri.length() : question);
        ValueCursor c = new ValueCursor(hostPart, "URI");
        String host = c.host();
        if (c.peek() == ':' && c.rest().indexOf(':', 1) >= 0 && c.rest().indexOf(':', 1) < semicolon(c.rest())) {
            throw c.error("an IPv6 address must be enclosed in brackets (RFC 5118 §4.2)");
        }
        int port = c.consume(':') ? c.port() : -1;
        return new SipUri(scheme, user, host, port, uriParameters(c, c.rest()));
    }

    /** §25.1 uri-parameters = *( ";" pname [ "=" pvalue ] ), names lower-cased. */
    private static Map<String, String> uriParameters(ValueCursor c, String text) {
        LinkedHashMap<String, String> params = new LinkedHashMap<>(4);
        if (text.isEmpty()) {
            return Params.owning(params);
        }
        if (text.charAt(0) != ';') {
            throw c.error("unexpected '" + text + "'");
        }
        for (String param : text.substring(1).split(";", -1)) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? null : param.substring(eq + 1);
            if (!isParamChars(name) || (value != null && !isParamChars(value))) {
                throw c.error("malformed URI parameter '" + param + "'");
            }
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        return Params.owning(params);
    }

    /** 1*paramchar: unreserved / escaped / "[" / "]" / "/" / ":" / "&" / "+" / "$" (§25.1). */
    private static boolean isParamChars(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            if (!alnum && "-_.!~*'()%[]/:&+$".indexOf(ch) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int semicolon(String text) {
        int semi = text.indexOf(';');
        return semi < 0 ? text.length() : semi;
    }

    /** Decodes %HH escapes (§19.1.2, §19.1.4) as UTF-8; a '%' not followed by two hex digits stays as it is. */
    public static String unescape(String text) {
        if (text == null || text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(bytes[i + 2], 16);
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** host[:port] */
    public String hostPort() {
        return port < 0 ? host : host + ':' + port;
    }
}
