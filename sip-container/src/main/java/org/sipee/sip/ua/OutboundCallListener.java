package org.sipee.sip.ua;

/**
 * What the stack reports about one {@link OutboundCall}. Called on a stack event-loop thread, one event at a time
 * per call: implementations must not block and should hand work to their own executor. Every call ends with
 * exactly one of {@link #onFailed} (never answered) or {@link #onEnded} (after {@link #onAnswered}).
 */
public interface OutboundCallListener {

    /**
     * A provisional response (101..199), e.g. 180 Ringing or 183 Session Progress; {@code sdp} is the early-media
     * answer when it carried one (Content-Type application/sdp), else null. With forking, one per branch.
     */
    void onProvisional(OutboundCall call, int status, String reason, String sdp);

    /** The first 2xx: the stack has confirmed the dialog and sent the ACK (§13.2.2.4); sdp is the answer or null. */
    void onAnswered(OutboundCall call, String sdp);

    /**
     * The call was never answered: the INVITE's final status 300..699 (ACKed by the transaction, §17.1.1.3),
     * 408 when nothing answered (Timer B), 503 on a transport error (§8.1.3.1), 487 after {@link OutboundCall#cancel()}
     * (also when a 2xx crossed the CANCEL: the stack then ACKs it and sends BYE).
     */
    void onFailed(OutboundCall call, int status, String reason);

    /**
     * An answered call is over: LOCAL_BYE (our hangUp), REMOTE_BYE (the callee's BYE, answered 200), SHUTDOWN,
     * SESSION_EXPIRED (RFC 4028: we sent BYE) or NO_ACK (our 2xx to the callee's re-INVITE never ACKed; BYE sent).
     */
    void onEnded(OutboundCall call, CallEndReason reason);

    /** The callee's re-INVITE or UPDATE with an offer; as {@link UserAgentListener#onModify}, the same default. */
    default void onModify(OutboundCall call, ModifyRequest request) {
        request.answerByDefault();
    }

    /** An INFO or MESSAGE in the call's dialog; the stack has answered it 200. Ignored by default. */
    default void onMessage(OutboundCall call, DialogMessage message) {
    }

    /** A REFER in the call's dialog; as {@link UserAgentListener#onRefer}, declined by default. */
    default void onRefer(OutboundCall call, IncomingRefer refer) {
        refer.reject(603, "Declined");
    }
}
