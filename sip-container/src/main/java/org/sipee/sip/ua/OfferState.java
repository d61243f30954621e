package org.sipee.sip.ua;

/** Offer/answer state of a dialog's session (RFC 3264 §4, RFC 3261 §14, RFC 3311 §5.1): one offer at a time. */
enum OfferState {
    /** No offer outstanding. */
    IDLE,
    /** Our re-INVITE or UPDATE is waiting for its final response: a crossing offer of the peer gets 491. */
    LOCAL_PENDING,
    /** The peer's re-INVITE or UPDATE waits for our answer (or a re-INVITE for its ACK): our offers wait. */
    REMOTE_PENDING
}
