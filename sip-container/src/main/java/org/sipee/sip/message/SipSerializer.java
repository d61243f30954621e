package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;

/** Writes a message in wire form (RFC 3261 §7): start line, header lines as stored, CRLF, body. */
public final class SipSerializer {

    private SipSerializer() {
    }

    public static byte[] encode(SipMessage message) {
        StringBuilder sb = new StringBuilder(512).append(message.startLine()).append("\r\n");
        for (SipHeader h : message.headers()) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = message.body();
        byte[] wire = new byte[head.length + body.length];
        System.arraycopy(head, 0, wire, 0, head.length);
        System.arraycopy(body, 0, wire, head.length, body.length);
        return wire;
    }
}
