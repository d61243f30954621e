package org.sipee.sip.transaction;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;

/**
 * The CANCEL for an INVITE (RFC 3261 §9.1): Request-URI, Call-ID, From, To and the CSeq number of the INVITE,
 * its top Via only (same branch, so the server matches it to the INVITE, §9.2) and its Route headers.
 */
final class CancelRequest {

    private CancelRequest() {
    }

    static SipRequest build(SipRequest invite) {
        SipRequest cancel = new SipRequest("CANCEL", invite.requestUri());
        cancel.addHeader(HeaderNames.VIA, invite.topVia().toString());
        for (SipHeader route : invite.headerLines("Route")) {
            cancel.addHeader(route.name(), route.value());
        }
        cancel.addHeader(HeaderNames.MAX_FORWARDS, "70");
        cancel.addHeader(HeaderNames.FROM, invite.header(HeaderNames.FROM));
        cancel.addHeader(HeaderNames.TO, invite.header(HeaderNames.TO));
        cancel.addHeader(HeaderNames.CALL_ID, invite.callId());
        cancel.addHeader(HeaderNames.CSEQ, invite.cseq().number() + " CANCEL");
        cancel.addHeader(HeaderNames.CONTENT_LENGTH, "0");
        return cancel;
    }
}
