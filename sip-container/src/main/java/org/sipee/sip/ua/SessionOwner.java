package org.sipee.sip.ua;

/** The call that owns a {@link DialogSession}: hands the peer's requests to the application, ends the call. */
interface SessionOwner {

    /** A re-INVITE or UPDATE with an offer (or a late-offer re-INVITE) for the application. */
    void deliverModify(ModifyRequest request);

    /** An INFO or MESSAGE, already answered 200. */
    void deliverMessage(DialogMessage message);

    /** A REFER with one Refer-To (RFC 3515), for the application to answer. */
    void deliverRefer(IncomingRefer refer);

    /** The session cannot go on (session expired, re-INVITE 2xx never ACKed): BYE (§15.1.1) and end the call. */
    void endWithBye(CallEndReason reason);
}
