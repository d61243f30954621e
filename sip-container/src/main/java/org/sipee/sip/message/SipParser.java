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
            String line = new String(data, pos, length, StandardCharsets.UTF_8);
            if (continuation) {
                if (name == null) {
                    throw new SipParseException("continuation line before any header: '" + abbreviate(line) + "'");
                }
                value = value.isEmpty() ? line.trim() : value + ' ' + line.trim(); // §7.3.1 folding
                if (name.length() + value.length() > MAX_HEADER_LINE_BYTES) {
                    throw new SipParseException("header " + name + " is longer than " + MAX_HEADER_LINE_BYTES + " bytes");
                }
            } else {
                int colon = line.indexOf(':');
                name = colon < 0 ? "" : line.substring(0, colon).stripTrailing();
                if (!isToken(name)) {
                    throw new SipParseException("malformed header line '" + abbreviate(line) + "'");
                }
                value = line.substring(colon + 1).trim();
            }
            pos = lineEnd + 1;
        }
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
