package org.sipee.session;

import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;

/**
 * Told what happens to a call session on behalf of another call of the application (a back-to-back leg, a transfer):
 * the responses to a call we placed, and the end of either kind of call. Runs on the session's worker, after the
 * session moved and before its handlers run; must not block.
 */
interface LegListener {

    /** A 1xx to our INVITE; {@code earlyMedia} when it carried a usable answer (the session's stream plays it). */
    default void provisional(OutboundSession leg, int status, String reason, boolean earlyMedia) {
    }

    /** The 2xx: the placed call is connected. */
    default void answered(OutboundSession leg) {
    }

    /** The placed call was never answered: its final status (the response, when one arrived). */
    default void failed(OutboundSession leg, int status, String reason, SipResponse response) {
    }

    /**
     * A transfer moved the conversation: {@code joining} takes {@code leaving}'s place among the calls this listener
     * links. Returns whether it linked {@code leaving}.
     */
    default boolean handOver(BaseSession leaving, BaseSession joining) {
        return false;
    }

    /** Either kind of call ended (after failed(), a placed call that was never answered ends too). */
    default void ended(BaseSession leg, CallEndReason reason) {
    }
}
