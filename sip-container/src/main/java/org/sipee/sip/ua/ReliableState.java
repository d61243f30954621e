package org.sipee.sip.ua;

/** RFC 3262 §3, UAS side: at most one reliable provisional response unacknowledged at a time. */
enum ReliableState {
    /** No reliable provisional awaits its PRACK. */
    IDLE,
    /** A reliable provisional is retransmitted until its PRACK. */
    AWAITING_PRACK,
    /** The INVITE got its final response, or the PRACK never came: no more reliable provisionals. */
    DONE
}
