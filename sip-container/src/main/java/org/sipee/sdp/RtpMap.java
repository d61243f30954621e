package org.sipee.sdp;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value of {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]}
 * (RFC 8866 §6.6).
 *
 * @param encodingParameters for audio the channel count, null when absent
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, String encodingParameters) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Parses the attribute value; null when it is not well-formed. */
    public static RtpMap parse(String value) {
        if (value == null) {
            return null;
        }
        String[] ptAndRest = WHITESPACE.split(value.trim(), 2);
        if (ptAndRest.length != 2) {
            return null;
        }
        String[] parts = ptAndRest[1].split("/", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return null;
        }
        try {
            return new RtpMap(Integer.parseInt(ptAndRest[0]), parts[0], Integer.parseInt(parts[1]),
                    parts.length == 3 ? parts[2] : null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True for this encoding (case-insensitive, RFC 8866 §6.6), this clock rate and mono. */
    public boolean matches(String name, int rate) {
        return encodingName.toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT)) && clockRate == rate
                && (encodingParameters == null || encodingParameters.equals("1"));
    }

    /** The attribute value, e.g. {@code 0 PCMU/8000}. */
    @Override
    public String toString() {
        return payloadType + " " + encodingName + "/" + clockRate + (encodingParameters == null ? "" : "/" + encodingParameters);
    }
}
