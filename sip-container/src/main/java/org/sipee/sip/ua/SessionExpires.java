package org.sipee.sip.ua;

import java.util.Locale;

import org.sipee.sip.message.SipMessage;

/** The Session-Expires header (RFC 4028 §4): delta-seconds and the optional refresher (uac or uas). */
record SessionExpires(long seconds, String refresher) {

    static final String HEADER = "Session-Expires";
    static final String MIN_SE = "Min-SE";

    /** The header of the message, or null when absent or unparseable. */
    static SessionExpires of(SipMessage message) {
        String value = message.header(HEADER);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(";");
        try {
            long seconds = Long.parseLong(parts[0].trim());
            String refresher = null;
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].trim().split("=", 2);
                if (param.length == 2 && param[0].trim().equalsIgnoreCase("refresher")) {
                    refresher = param[1].trim().toLowerCase(Locale.ROOT);
                }
            }
            return new SessionExpires(seconds, refresher);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The Min-SE of the message (RFC 4028 §5), or 0 when absent. */
    static long minSE(SipMessage message) {
        String value = message.header(MIN_SE);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.split(";")[0].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String headerValue() {
        return refresher == null ? Long.toString(seconds) : seconds + ";refresher=" + refresher;
    }
}
