package org.sipee.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.sipee.rar.api.Dial;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.ua.DialogCall;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;

/**
 * One call we place: our offer in the INVITE (RFC 3264 §5), its answer from a provisional response (early media) or
 * the 2xx (RFC 3261 §13.2.1), and the answered stage; the rest of the session is {@link BaseSession}.
 */
final class OutboundSession extends BaseSession implements OutgoingCall {

    private static final Logger LOG = Logger.getLogger(OutboundSession.class.getName());

    private final Dial dial;
    private final CompletableFuture<OutgoingCall> answered = new CompletableFuture<>();
    private volatile OutboundCall call;

    OutboundSession(Dial dial, EngineAccess engine, Consumer<Object> publisher, CallContext callContext) {
        super(dial.callId(), engine, publisher, callContext);
        this.dial = dial;
    }

    @Override public String from() { return call != null ? call.from() : dial.from(); }
    @Override public String to() { return call != null ? call.to() : dial.to(); }
    @Override public String requestUri() { return call != null ? call.requestUri() : dial.to(); }
    @Override public CompletionStage<OutgoingCall> answered() { return answered; }
    @Override DialogCall dialog() { return call; }
    @Override String remoteParty() { return withoutTag(to(), "To"); }
    @Override String localParty() { return withoutTag(from(), "From"); }
    @Override void endCall() { call.hangUp(); }

    /** Opens the stream with our offer and sends the INVITE; its reports go to {@code listener}. */
    synchronized void place(OutboundCallListener listener) {
        String offer = media.offer();
        moveTo(SessionState.Dialing);
        call = dial.place(offer, listener);
    }

    /**
     * 180 or 183: ringing; an SDP answer in it starts early media (we hear the callee's announcement). Returns whether
     * it did.
     */
    synchronized boolean provisional(String sdp) {
        if (state() == SessionState.Dialing) {
            moveTo(SessionState.Ringing);
        }
        if (sdp != null && media.state() == MediaState.Negotiating) {
            try {
                media.acceptAnswer(sdp);
                return true;
            } catch (SdpNegotiationException e) { // the 2xx may still bring a usable answer
                LOG.info(() -> "call " + callId() + ": early answer unusable: " + e.getMessage());
            }
        }
        return false;
    }

    /**
     * The 2xx: its SDP, or the early one, answers our offer; without a usable answer the call ends with BYE. Returns
     * whether the call is connected.
     */
    boolean answered(String sdp) {
        synchronized (this) {
            if (state().isTerminal()) {
                return false;
            }
            try {
                if (sdp != null || media.state() != MediaState.Configured) {
                    media.acceptAnswer(sdp);
                }
            } catch (SdpNegotiationException e) {
                LOG.info(() -> "call " + callId() + ": the answer to our offer is unusable (" + e.getMessage() + "), hanging up");
                failMedia(e);
                call.hangUp();
                return false;
            }
            moveTo(SessionState.Connected);
            media.activate();
        }
        answered.complete(this);
        return true;
    }

    /** Never answered: the answered stage fails with the status. */
    void failed(int status, String reason) {
        answered.completeExceptionally(new CallFailedException(callId(), status, reason));
    }

    /** Before the answer: CANCEL (RFC 3261 §9.1); after: BYE. */
    @Override
    public synchronized void hangUp() {
        if (call == null || state().isTerminal()) {
            throw new IllegalStateException("call " + callId() + " is " + state());
        }
        call.hangUp();
    }

    /** CANCEL before the answer (RFC 3261 §9.1, also with an early dialog: the callee stops ringing), BYE after. */
    @Override
    synchronized void endLinked() {
        if (call == null || state().isTerminal()) {
            return;
        }
        if (state() == SessionState.Dialing || state() == SessionState.Ringing) {
            call.cancel();
        } else {
            call.hangUp();
        }
    }

    @Override
    synchronized void abandon() {
        if (call != null) {
            call.hangUp();
        }
        media.release();
    }

    @Override
    void failStages(Throwable cause) {
        answered.completeExceptionally(cause);
    }
}
