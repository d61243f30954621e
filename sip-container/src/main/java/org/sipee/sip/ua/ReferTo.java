package org.sipee.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sipee.sip.message.SipUri;

/**
 * Refer-To targets (RFC 3515 §2.1) and the headers part of a SIP URI (RFC 3261 §19.1.1):
 * {@code sip:user@host?name=value&name=value}, each value escaped (§19.1.2, §25.1 hvalue). An attended transfer
 * refers to the transfer target with the Replaces value of the transferor's dialog with it (RFC 3891).
 */
public final class ReferTo {

    static final String HEADER = "Refer-To";
    /** §25.1 hvalue = *( hnv-unreserved / unreserved / escaped ): the characters a header value keeps as they are. */
    private static final String KEPT = "-_.!~*'()[]/?:+$";

    private ReferTo() {
    }

    /**
     * An attended-transfer Refer-To, e.g. {@code <sip:carol@192.0.2.9?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>}.
     *
     * @param targetUri     the transfer target's URI (bare or in angle brackets), usually
     *                      {@link DialogCall#remoteTarget()} of the transferor's call with it
     * @param replacesValue {@link DialogCall#replacesValue()} of that call
     */
    public static String withReplaces(String targetUri, String replacesValue) {
        if (targetUri == null || targetUri.isBlank() || replacesValue == null || replacesValue.isBlank()) {
            throw new IllegalArgumentException("a target URI and a Replaces value are needed");
        }
        String uri = targetUri.trim();
        if (uri.startsWith("<") && uri.endsWith(">")) {
            uri = uri.substring(1, uri.length() - 1);
        }
        return '<' + uri + (headersStart(uri) < 0 ? '?' : '&') + Replaces.HEADER + '=' + escape(replacesValue) + '>';
    }

    /** The URI without its headers part. */
    public static String withoutHeaders(String uri) {
        int question = headersStart(uri);
        return question < 0 ? uri : uri.substring(0, question);
    }

    /**
     * The headers of the URI's headers part in order, names and values unescaped; empty when it has none.
     *
     * @throws IllegalArgumentException when a header has no '=' or an empty name, or is named twice
     */
    public static Map<String, String> headers(String uri) {
        int question = headersStart(uri);
        Map<String, String> headers = new LinkedHashMap<>();
        if (question < 0) {
            return headers;
        }
        for (String header : uri.substring(question + 1).split("&")) {
            int eq = header.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("URI header '" + header + "' is not name=value");
            }
            String name = SipUri.unescape(header.substring(0, eq));
            if (headers.put(name, SipUri.unescape(header.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("URI header " + name + " given twice");
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    /** §19.1.2: every character outside hvalue's unreserved ones as %HH of its UTF-8 bytes. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (b & 0xff);
            boolean alphanumeric = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            if (alphanumeric || KEPT.indexOf(ch) >= 0) {
                escaped.append(ch);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return escaped.toString();
    }

    /** Where the headers part begins ('?' after the user part, which may hold '?' itself, §25.1), or -1. */
    private static int headersStart(String uri) {
        int at = uri.indexOf('@');
        return uri.indexOf('?', Math.max(at, 0));
    }
}
