package org.sipee.sip.transaction;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * The ACK the INVITE client transaction sends for a 300-699 (RFC 3261 §17.1.1.3): same Request-URI,
 * Call-ID, From and top Via (branch) as the INVITE, To of the response (with its tag), the INVITE's CSeq
 * number with method ACK, and the INVITE's Route headers.
 */
final class FailureAck {

    private FailureAck() {
    }

    static SipRequest build(SipRequest invite, SipResponse response) {
        SipRequest ack = new SipRequest("ACK", invite.requestUri());
        ack.addHeader(HeaderNames.VIA, invite.topVia().toString());
        for (SipHeader route : invite.headerLines("Route")) {
            ack.addHeader(route.name(), route.value());
        }
        ack.addHeader(HeaderNames.MAX_FORWARDS, "70");
        ack.addHeader(HeaderNames.FROM, invite.header(HeaderNames.FROM));
        ack.addHeader(HeaderNames.TO, response.header(HeaderNames.TO));
        ack.addHeader(HeaderNames.CALL_ID, invite.callId());
        ack.addHeader(HeaderNames.CSEQ, invite.cseq().number() + " ACK");
        ack.addHeader(HeaderNames.CONTENT_LENGTH, "0");
        return ack;
    }
}
