package org.sipee.sip.transaction;

import java.net.InetSocketAddress;

import org.sipee.sip.message.SipRequest;

/**
 * Decides whether a request that starts a new server transaction reaches the TU at all. The transaction is created
 * either way, so a refused request's retransmissions are answered from it and cost nothing more (§17.2).
 * Never asked about ACK or CANCEL. Runs on the event loop: it must be cheap and must not block.
 */
@FunctionalInterface
public interface RequestAdmission {

    /** Serves everything. */
    RequestAdmission ALL = (request, source) -> null;

    /** Null serves the request; otherwise the final response its transaction sends instead. */
    Refusal admit(SipRequest request, InetSocketAddress source);
}
