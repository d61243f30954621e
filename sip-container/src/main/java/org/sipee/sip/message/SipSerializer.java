package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a message in wire form (RFC 3261 §7): start line, header lines as stored, CRLF, body.
 * The usual all-ASCII head is written straight into the one output array.
 */
public final class SipSerializer {

    private SipSerializer() {
    }

    public static byte[] encode(SipMessage message) {
        String startLine = message.startLine();
        List<SipHeader> headers = message.headers();
        byte[] body = message.body();
        int size = startLine.length() + 4 + body.length;
        for (SipHeader h : headers) {
            size += h.name().length() + h.value().length() + 4;
        }
        byte[] wire = new byte[size];
        int pos = crlf(wire, ascii(startLine, wire, 0));
        for (int i = 0; i < headers.size() && pos >= 0; i++) {
            SipHeader h = headers.get(i);
            pos = ascii(h.name(), wire, pos);
            if (pos >= 0) {
                wire[pos++] = ':';
                wire[pos++] = ' ';
                pos = crlf(wire, ascii(h.value(), wire, pos));
            }
        }
        pos = crlf(wire, pos);
        if (pos < 0) {
            return encodeUtf8(startLine, headers, body);
        }
        System.arraycopy(body, 0, wire, pos, body.length);
        return wire;
    }

    /** Writes text at pos when it is all ASCII (and pos is not -1); the position after, or -1. */
    private static int ascii(String text, byte[] wire, int pos) {
        if (pos < 0) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            wire[pos++] = (byte) c;
        }
        return pos;
    }

    private static int crlf(byte[] wire, int pos) {
        if (pos < 0) {
            return -1;
        }
        wire[pos] = '\r';
        wire[pos + 1] = '\n';
        return pos + 2;
    }

    /** Text with non-ASCII characters (UTF-8 reason phrases, display names). */
    private static byte[] encodeUtf8(String startLine, List<SipHeader> headers, byte[] body) {
        StringBuilder sb = new StringBuilder(512).append(startLine).append("\r\n");
        for (SipHeader h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[head.length + body.length];
        System.arraycopy(head, 0, wire, 0, head.length);
        System.arraycopy(body, 0, wire, head.length, body.length);
        return wire;
    }
}
