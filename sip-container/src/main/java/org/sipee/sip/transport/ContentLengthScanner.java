package org.sipee.sip.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Finds the Content-Length (or compact "l", RFC 3261 §7.3.3) in a header block without parsing the rest:
 * the stream decoder needs only the framing (§18.3); the message itself is parsed later.
 */
final class ContentLengthScanner {

    /** No Content-Length header. */
    static final int MISSING = -1;
    /** Not a non-negative integer, or several that disagree. */
    static final int INVALID = -2;

    private ContentLengthScanner() {
    }

    static int scan(ByteBuf buffer, int from, int length) {
        String block = buffer.toString(from, length, StandardCharsets.ISO_8859_1);
        int result = MISSING;
        String value = null;
        for (String raw : block.split("\n")) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                value = value == null ? null : value + line.trim(); // §7.3.1 folding
                continue;
            }
            result = merge(result, value);
            value = null;
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("l")) {
                    value = line.substring(colon + 1).trim();
                }
            }
        }
        return merge(result, value);
    }

    private static int merge(int found, String value) {
        if (value == null || found == INVALID) {
            return found;
        }
        int parsed = parse(value);
        return found == MISSING || found == parsed ? parsed : INVALID;
    }

    private static int parse(String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return INVALID;
        }
        return Integer.parseInt(value);
    }
}
