package org.sipee.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.sipee.sdp.Direction;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.ReinviteResult;

/**
 * The re-INVITEs of a connected call: ours for hold and resume (RFC 3261 §14.1, RFC 3264 §8.4) and the caller's
 * re-INVITEs and UPDATEs (§14.2, RFC 3311 §5.2), which the session answers itself.
 */
final class SessionModifier {

    private static final Logger LOG = Logger.getLogger(SessionModifier.class.getName());

    private final BaseSession session;
    private final CallMedia media;

    SessionModifier(BaseSession session, CallMedia media) {
        this.session = session;
        this.media = media;
    }

    CompletionStage<Call> hold() {
        return reoffer(Direction.SENDONLY, false);
    }

    CompletionStage<Call> resume() {
        return reoffer(Direction.SENDRECV, true);
    }

    /**
     * Our re-INVITE with our SDP in the given direction. The engine reports the outcome on its event loop; it is
     * applied on the call's executor, in order with the call's events (never blocking the loop).
     */
    private CompletionStage<Call> reoffer(Direction direction, boolean sending) {
        SessionState state = session.state();
        if (state != SessionState.Connected && state != SessionState.OnHold) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "call " + session.callId() + " is " + state + ": hold and resume need a connected call"));
        }
        String offer;
        try {
            offer = SdpRevision.withDirection(media.localSdp(), direction);
        } catch (SdpNegotiationException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("our own SDP does not parse: " + e.getMessage(), e));
        }
        return session.dialog().reinvite(offer).thenApplyAsync(result -> reoffered(result, offer, sending), session.followUps());
    }

    private Call reoffered(ReinviteResult result, String offer, boolean sending) {
        if (!result.isSuccess()) { // §14.1: a non-2xx leaves the session as it was
            throw new CompletionException(new IllegalStateException("re-INVITE of " + session.callId() + " answered "
                    + result.status() + " " + result.reason() + "; the session is unchanged"));
        }
        if (session.state().isTerminal() || !media.hasStream()) {
            throw new CompletionException(new IllegalStateException("call " + session.callId() + " ended"));
        }
        media.offered(offer); // the peer's answer keeps to what we offered: our codec, its address as before
        sending(sending);
        return session;
    }

    /**
     * An offer changes the session: a=sendonly, a=inactive or c=0.0.0.0 puts us on hold (we answer recvonly or
     * inactive and stop sending, RFC 3264 §8.4); sendrecv again resumes; another codec order re-points the stream to
     * the newly answered codec (§8.3.2). An offer we cannot answer gets 488 and leaves the session as it was (§14.2).
     * Refreshes and late offers (no SDP) get our SDP unchanged.
     */
    void modify(ModifyRequest request) {
        String offer = request.offerSdp();
        if (offer == null || request.isRefresh()) {
            request.answerByDefault();
            return;
        }
        if (session.state().isTerminal()) {
            request.reject(488, "Not Acceptable Here");
            return;
        }
        CallMedia.Reanswer answer;
        try {
            answer = media.reanswer(offer);
            sending(answer.weSend());
        } catch (SdpNegotiationException e) {
            LOG.info(() -> request.method() + " in " + session.callId() + " not answerable: " + e.getMessage());
            request.reject(488, "Not Acceptable Here");
            return;
        } catch (RuntimeException e) {
            LOG.info(() -> request.method() + " in " + session.callId() + " failed: " + e);
            request.reject(500, "Server Internal Error");
            return;
        }
        request.accept(answer.sdp());
    }

    /** Sending (Connected, media Active) or on hold (OnHold, media Paused). */
    private void sending(boolean sending) {
        if (media.sending(sending)) {
            session.held(!sending);
        }
    }
}
