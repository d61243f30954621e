package org.sipee.sip.ua;

/**
 * What the stack reports upward about inbound calls. Called on a stack event-loop thread:
 * implementations must not block and should hand work to their own executor.
 */
public interface UserAgentListener {

    /** A new INVITE outside any dialog; the stack has already sent 100 Trying. */
    void onInvite(InboundCall call);

    /** The ACK for our 2xx arrived: the dialog is confirmed. */
    void onAck(InboundCall call);

    /** The call is over, whatever ended it; called once, after which the stack forgets the call. */
    void onCallEnded(InboundCall call, CallEndReason reason);

    /**
     * The caller's re-INVITE (RFC 3261 §14.2) or UPDATE (RFC 3311) with an offer, or a re-INVITE without one (late
     * offer): answer it with {@link ModifyRequest#accept} or {@link ModifyRequest#reject}, at once or later (within
     * 32*T1 for UPDATE, 64*T1 for re-INVITE, else the stack answers 500 with Retry-After). UPDATEs without offer
     * (refreshes) are answered by the stack and not reported. By default {@link ModifyRequest#answerByDefault()}:
     * a refresh (no offer, or an unchanged SDP version) is accepted with our current SDP, a real change gets 488.
     */
    default void onModify(InboundCall call, ModifyRequest request) {
        request.answerByDefault();
    }

    /** An INFO or MESSAGE in the call's dialog; the stack has answered it 200. Ignored by default. */
    default void onMessage(InboundCall call, DialogMessage message) {
    }

    /** A REFER in the call's dialog (RFC 3515), e.g. a transfer; declined by default. */
    default void onRefer(InboundCall call, IncomingRefer refer) {
        refer.reject(603, "Declined");
    }

    /** An OPTIONS or REGISTER outside any dialog; by default {@link OutOfDialogRequest#answerByDefault()}. */
    default void onRequest(OutOfDialogRequest request) {
        request.answerByDefault();
    }
}
