package org.sipee.sip.ua;

/** Life of an inbound call at the UAS core (RFC 3261 §13.3.1). */
enum CallState {
    /** INVITE received, no final response yet. */
    OFFERED,
    /** 2xx sent, waiting for the ACK (§13.3.1.4). */
    ACCEPTED,
    /** ACK received: the call is up. */
    CONFIRMED,
    /** Over; the listener has been told. */
    ENDED
}
