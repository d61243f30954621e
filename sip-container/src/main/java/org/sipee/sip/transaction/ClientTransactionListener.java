package org.sipee.sip.transaction;

import org.sipee.sip.message.SipResponse;

/** The TU above one client transaction (RFC 3261 §17.1), called on the event loop. */
public interface ClientTransactionListener {

    /**
     * A response the transaction passes up: each 1xx and the first final response; for an INVITE also every 2xx
     * in Accepted (RFC 6026 §8.4: retransmissions and 2xx from other forks), never a retransmitted 300-699.
     */
    void onResponse(SipResponse response);

    /** No final response: Timer B/F or a transport error (§8.1.3.1). Called at most once, instead of a final. */
    void onFailure(TransactionFailure failure);
}
