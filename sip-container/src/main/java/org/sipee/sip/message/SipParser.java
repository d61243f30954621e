package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses one SIP message from a datagram (RFC 3261 §7, §18.3, §25): start line, header lines with
 * folding, Content-Length framing. The checks every element must make (§8.2, §16.3) follow in
 * {@link MessageValidator}. Stateless and thread-safe.
 */
public final class SipParser {

    /** Largest message accepted (bytes). */
    public static final int MAX_MESSAGE_BYTES = 65536;
    /** Largest header line accepted after unfolding (bytes). */
    public static final int MAX_HEADER_LINE_BYTES = 8192;

    private SipParser() {
    }

    public static SipMessage parse(byte[] data) throws SipParseException {
        return parse(data, 0, data.length);
    }

    public static SipMessage parse(byte[] data, int offset, int length) throws SipParseException {
        if (length > MAX_MESSAGE_BYTES) {
            throw new SipParseException("message of " + length + " bytes exceeds the " + MAX_MESSAGE_BYTES + "-byte limit");
        }
        int end = offset + length;
        int pos = offset;
        while (pos < end && (data[pos] == '\r' || data[pos] == '\n')) {
            pos++; // §7.5: CRLFs before the start line are ignored
        }
        if (pos == end) {
            throw new SipParseException("empty message");
        }
        int lineEnd = lineEnd(data, pos, end, "start line");
        String startLine = new String(data, pos, contentEnd(data, pos, lineEnd), StandardCharsets.UTF_8);
        SipMessage message;
        SipParseException startLineError = null;
        try {
            message = StartLine.parse(startLine);
        } catch (SipParseException e) {
            message = StartLine.lenientRequest(startLine);
            if (message == null) {
                throw e;
            }
            startLineError = e; // reported once the headers are read, so that a 400 can be sent
        }
        pos = lineEnd + 1;
        pos = readHeaders(data, pos, end, message);
        if (startLineError != null) {
            throw new SipParseException(startLineError.getMessage(), startLineError.statusCode(),
                    startLineError.reasonPhrase(), message);
        }
        MessageValidator.validate(message, Arrays.copyOfRange(data, pos, end));
        return message;
    }

    /** Reads header lines up to and including the empty line; returns where the body starts. */
    private static int readHeaders(byte[] data, int pos, int end, SipMessage message) {
        String name = null;
        String value = null;
        while (true) {
            if (pos >= end) {
                throw new SipParseException("message ends before the empty line that closes the headers");
            }
            int lineEnd = lineEnd(data, pos, end, "header line");
            int length = contentEnd(data, pos, lineEnd);
            boolean continuation = length > 0 && (data[pos] == ' ' || data[pos] == '\t');
            if (!continuation && name != null) {
                message.addParsedHeader(SipHeader.of(name, value));
                name = null;
            }
            if (length == 0) {
                return lineEnd + 1;
            }
            if (continuation) {
                String line = new String(data, pos, length, StandardCharsets.UTF_8);
                if (name == null) {
                    throw new SipParseException("continuation line before any header: '" + abbreviate(line) + "'");
                }
                value = value.isEmpty() ? line.trim() : value + ' ' + line.trim(); // §7.3.1 folding
                if (name.length() + value.length() > MAX_HEADER_LINE_BYTES) {
                    throw new SipParseException("header " + name + " is longer than " + MAX_HEADER_LINE_BYTES + " bytes");
                }
            } else {
                int colon = indexOf(data, pos, pos + length, (byte) ':');
                name = name(data, pos, colon < 0 ? pos : colon, length);
                value = trimmed(data, colon + 1, pos + length);
            }
            pos = lineEnd + 1;
        }
    }

    /**
     * The header name before the colon, trailing whitespace removed. Read from the bytes rather than a decoded
     * line so that a header line costs one String (its value) and a known spelling none; UTF-8 below 0x80 is
     * ASCII, so the colon and whitespace found in the bytes are those the decoded text holds.
     */
    private static String name(byte[] data, int from, int colon, int lineLength) {
        int end = colon;
        while (end > from && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        if (isToken(data, from, end)) {
            String known = HeaderNames.spelling(data, from, end);
            return known != null ? known : new String(data, from, end - from, StandardCharsets.US_ASCII);
        }
        // unusual whitespace or characters: judged on the decoded text as stripTrailing sees it
        String line = new String(data, from, lineLength, StandardCharsets.UTF_8);
        String name = colon == from ? "" : new String(data, from, colon - from, StandardCharsets.UTF_8).stripTrailing();
        if (!isToken(name)) {
            throw new SipParseException("malformed header line '" + abbreviate(line) + "'");
        }
        return name;
    }

    /** data[from, to) decoded, without the leading and trailing characters String.trim removes (all ASCII). */
    private static String trimmed(byte[] data, int from, int to) {
        while (from < to && (data[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (data[to - 1] & 0xff) <= ' ') {
            to--;
        }
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isToken(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!ValueCursor.isTokenChar((char) data[i])) {
                return false;
            }
        }
        return to > from;
    }

    /** Index of the LF ending the line that starts at pos. */
    private static int lineEnd(byte[] data, int pos, int end, String what) {
        int limit = Math.min(end, pos + MAX_HEADER_LINE_BYTES + 2);
        for (int i = pos; i < limit; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        if (limit < end) {
            throw new SipParseException(what + " is longer than " + MAX_HEADER_LINE_BYTES + " bytes");
        }
        throw new SipParseException("message ends inside the " + what);
    }

    /** Length of the line content, without the CR before the LF. */
    private static int contentEnd(byte[] data, int pos, int lineEnd) {
        return lineEnd > pos && data[lineEnd - 1] == '\r' ? lineEnd - 1 - pos : lineEnd - pos;
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!ValueCursor.isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
