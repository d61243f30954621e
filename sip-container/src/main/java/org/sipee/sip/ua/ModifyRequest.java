package org.sipee.sip.ua;

import java.util.concurrent.CompletionStage;

import org.sipee.sip.message.SipRequest;

/**
 * A re-INVITE (RFC 3261 §14.2) or UPDATE (RFC 3311 §5.2) from the peer, waiting for the application's answer.
 * Thread-safe and non-blocking. Answer exactly once; later calls are ignored. An offer nobody answers within
 * 32*T1 (UPDATE) or 64*T1 (re-INVITE) is answered 500 with Retry-After, and the session stays as it was.
 */
public interface ModifyRequest {

    /** "INVITE" or "UPDATE". */
    String method();

    /**
     * The peer's SDP offer, or null: a re-INVITE without body asks us for an offer (late offer, §14.2; our
     * {@link #accept} SDP is then an offer and the answer comes in the ACK); an UPDATE without body only
     * refreshes the target or the session timer.
     */
    String offerSdp();

    /** The request as received. */
    SipRequest request();

    /**
     * Answers 200 with {@code sdp} (the answer, or our offer for a late-offer re-INVITE; null for no body).
     * The stage completes when the exchange is done: with the SDP answer carried by the ACK of a late-offer
     * re-INVITE, else with null (at the ACK for a re-INVITE, at once for UPDATE).
     */
    CompletionStage<String> accept(String sdp);

    /**
     * True when answering needs no decision: a re-INVITE without offer, or an offer whose o= line equals the peer's
     * previous SDP (unchanged version, RFC 3264 §8: nothing changes), as session-timer refreshes usually are.
     */
    boolean isRefresh();

    /** Our SDP of the last completed exchange (null when the call has none). */
    String currentLocalSdp();

    /**
     * What the stack does when the application does not handle the request (the default of
     * {@link UserAgentListener#onModify} and {@link OutboundCallListener#onModify}): a refresh is accepted with our
     * current SDP unchanged (the session goes on as it is); a real change is refused 488 Not Acceptable Here,
     * which leaves the session as it was (§14.2).
     */
    default void answerByDefault() {
        if (isRefresh()) {
            accept(currentLocalSdp());
        } else {
            reject(488, "Not Acceptable Here");
        }
    }

    /** Answers 300..699 (typically 488 Not Acceptable Here); the session stays unchanged (§14.2). */
    void reject(int status, String reason);
}
