package org.sipee.sip.ua;

import java.nio.charset.StandardCharsets;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;

/**
 * The refer event package's NOTIFY content (RFC 3515 §2.4.5): a message/sipfrag (RFC 3420) holding the status line
 * of the referenced request's latest response, and the Subscription-State (§2.4.7).
 */
final class Sipfrag {

    static final String CONTENT_TYPE = "message/sipfrag;version=2.0";
    static final String SUBSCRIPTION_STATE = "Subscription-State";
    private static final String VERSION = "SIP/2.0 ";

    private Sipfrag() {
    }

    /** The body reporting a status: its status line (RFC 3261 §7.2). */
    static String statusLine(int status, String reason) {
        return VERSION + status + ' ' + reason + "\r\n";
    }

    /**
     * The progress a NOTIFY of the refer package reports.
     *
     * @throws IllegalArgumentException when it has no Subscription-State, or no sipfrag body with a status line
     */
    static ReferProgress progress(SipRequest notify) {
        String type = notify.header(HeaderNames.CONTENT_TYPE);
        if (type == null || !firstToken(type).equalsIgnoreCase("message/sipfrag")) {
            throw new IllegalArgumentException("NOTIFY body is not message/sipfrag: " + type);
        }
        String state = notify.header(SUBSCRIPTION_STATE);
        if (state == null) {
            throw new IllegalArgumentException("NOTIFY without Subscription-State");
        }
        String line = new String(notify.body(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        int status = line.startsWith(VERSION) && line.length() >= VERSION.length() + 3
                ? statusCode(line.substring(VERSION.length(), VERSION.length() + 3)) : -1;
        String rest = status < 0 ? "" : line.substring(VERSION.length() + 3);
        if (status < 100 || status > 699 || !(rest.isEmpty() || rest.charAt(0) == ' ')) {
            throw new IllegalArgumentException("not a sipfrag status line: '" + line + "'");
        }
        return new ReferProgress(status, rest.trim(), firstToken(state).equalsIgnoreCase("terminated"));
    }

    private static int statusCode(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    /** The value before its first parameter, e.g. the state of {@code active;expires=60}. */
    static String firstToken(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }
}
