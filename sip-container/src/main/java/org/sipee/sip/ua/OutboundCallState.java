package org.sipee.sip.ua;

/** Life of an outbound call at the UAC core (RFC 3261 §13.2). */
enum OutboundCallState {
    /** INVITE sent, no provisional response other than 100 yet. */
    CALLING,
    /** A provisional response arrived (§13.2.2.1): CANCEL is now allowed (§9.1). */
    PROCEEDING,
    /** We gave up before the answer (CANCEL sent or pending, or BYE in the early dialogs); awaiting the final response. */
    CANCELLING,
    /** A 2xx arrived, the dialog is confirmed and ACKed (§13.2.2.4). */
    ANSWERED,
    /** Over; the listener has been told. */
    ENDED
}
