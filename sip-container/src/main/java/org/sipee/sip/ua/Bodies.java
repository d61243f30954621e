package org.sipee.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipMessage;

/** SDP and other bodies of our messages (RFC 3261 §7.4, RFC 3264). */
final class Bodies {

    static final String SDP = "application/sdp";
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private Bodies() {
    }

    /** The SDP body of a message (Content-Type application/sdp, not empty), or null. */
    static String sdp(SipMessage message) {
        String type = message.header(HeaderNames.CONTENT_TYPE);
        boolean sdp = type != null && type.toLowerCase(Locale.ROOT).startsWith(SDP);
        return sdp && message.body().length > 0 ? new String(message.body(), StandardCharsets.UTF_8) : null;
    }

    /** Sets body and Content-Type; a null body leaves the message without one. */
    static void set(SipMessage message, String contentType, String body) {
        if (body != null) {
            message.setHeader(HeaderNames.CONTENT_TYPE, contentType);
            message.setBody(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * RFC 3264 §8: an offer whose o= line (session id and version) equals the previous one changes nothing; such a
     * re-offer is a session refresh (RFC 4028).
     */
    static boolean sameVersion(String offer, String previous) {
        return offer != null && previous != null && origin(offer) != null && origin(offer).equals(origin(previous));
    }

    private static String origin(String sdp) {
        for (String line : LINE_BREAK.split(sdp)) {
            if (line.startsWith("o=")) {
                return line.trim();
            }
        }
        return null;
    }

    /** Whether a comma-list header (Supported, Require, Allow) of the message holds {@code token}. */
    static boolean lists(SipMessage message, String header, String token) {
        return message.headerValues(header).stream().anyMatch(v -> v.trim().equalsIgnoreCase(token));
    }
}
