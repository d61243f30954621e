package org.sipee.sip.ua;

import java.util.Set;

import org.sipee.sip.message.SipRequest;

/**
 * A request of ours again, in a new client transaction: after a 422 (RFC 4028 §7.4), a 401/407 (RFC 3261 §22.2),
 * a 423 or a registration refresh (§10.2.4, §10.2.8). Same method, Request-URI, Call-ID, From (with its tag), To
 * and body; the next CSeq (§8.1.3.5); no Via, so that the transaction adds one with a new branch.
 */
final class NextRequest {

    private static final Set<String> ALWAYS_DROPPED = Set.of("via", "cseq", "content-length");

    private NextRequest() {
    }

    /** @param without lookup keys (lower-case names) of further headers to leave out, for the caller to set anew */
    static SipRequest of(SipRequest request, Set<String> without) {
        SipRequest again = new SipRequest(request.method(), request.requestUri());
        for (var header : request.headers()) {
            if (!ALWAYS_DROPPED.contains(header.key()) && !without.contains(header.key())) {
                again.addHeader(header.name(), header.value());
            }
        }
        again.addHeader("CSeq", (request.cseq().number() + 1) + " " + request.method());
        again.setBody(request.body());
        return again;
    }
}
