package org.sipee.sip.ua;

import java.nio.charset.StandardCharsets;

import org.sipee.sip.message.SipRequest;

/** An INFO (RFC 6086) or MESSAGE (RFC 3428) received in a dialog; the stack has already answered it 200. */
public record DialogMessage(String method, String contentType, byte[] body, SipRequest request) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
