package org.sipee.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.sipee.media.RtpStreamStats;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.ModifyRequest;

/**
 * One inbound call: the session state machine and the answer stages; its media is {@link CallMedia}, the re-INVITEs
 * of either side {@link SessionModifier}. Mutations are synchronized; network operations never block.
 */
final class CallSession implements IncomingCall {

    private static final Logger LOG = Logger.getLogger(CallSession.class.getName());
    static final String AGENT = "sipee";

    private final InboundCall call;
    private final CallMedia media;
    private final SessionModifier modifier;
    private final CompletableFuture<IncomingCall> answered = new CompletableFuture<>();
    private final CompletableFuture<IncomingCall> early = new CompletableFuture<>();
    private SessionState state = SessionState.Initializing;
    private boolean answering;
    private boolean earlyStarted;
    private boolean lateOffer;
    private boolean mediaTimedOut;
    private final Executor followUps;
    private final SessionEvents events;

    CallSession(InboundCall call, EngineAccess engine) {
        this(call, engine, SessionEvents.NOBODY);
    }

    /** @param publisher receives the call's events (CDI's Event.fire in the server), in order, on the call's executor */
    CallSession(InboundCall call, EngineAccess engine, Consumer<Object> publisher) {
        this.call = call;
        this.followUps = engine.apply(c -> c.callExecutor(call.callId()));
        this.events = new SessionEvents(publisher, followUps);
        this.media = new CallMedia(call.callId(), engine, followUps, this::onMediaTimeout,
                (from, to) -> events.publish(new MediaStateChanged(this, from, to)));
        this.modifier = new SessionModifier(this, call, media);
    }

    @Override public String callId() { return call.callId(); }
    @Override public String from() { return call.from(); }
    @Override public String to() { return call.to(); }
    @Override public String requestUri() { return call.requestUri(); }
    @Override public synchronized SessionState state() { return state; }
    @Override public MediaState mediaState() { return media.state(); }

    @Override
    public synchronized void ringing() {
        if (state == SessionState.Initializing) {
            moveTo(SessionState.Ringing);
        }
        call.sendProvisional(180, "Ringing", null);
    }

    @Override
    public synchronized CompletionStage<IncomingCall> earlyMedia() {
        if (earlyStarted) {
            return early;
        }
        if (answering || state.isTerminal() || call.remoteSdp() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no early media for " + call.callId()
                    + ": " + (call.remoteSdp() == null ? "the INVITE has no offer" : "already answered or ended (state " + state + ")")));
        }
        earlyStarted = true;
        if (negotiate()) {
            if (state == SessionState.Initializing) {
                moveTo(SessionState.Ringing); // early media is still an unanswered call
            }
            call.sendProvisional(183, "Session Progress", media.localSdp());
            early.complete(this);
        }
        return early;
    }

    @Override
    public synchronized CompletionStage<IncomingCall> answer() {
        if (answering || state.isTerminal() || media.state() == MediaState.Failed) {
            return answered; // a failed earlyMedia() already failed this stage and rejected the call
        }
        answering = true;
        if (media.localSdp() != null || negotiate()) {
            call.accept(media.localSdp()); // after earlyMedia(): the stream already plays, the SDP is the 183's
        }
        return answered;
    }

    /**
     * Opens the stream with our answer to the INVITE's offer, or with our offer when it had none (late offer). On
     * failure the call is rejected (488 with a Warning, or 500), media is Failed and the pending stages fail.
     */
    private boolean negotiate() {
        String offer = call.remoteSdp();
        try {
            if (offer == null) {
                lateOffer = true;
                media.offer();
            } else {
                media.answer(offer);
            }
            return true;
        } catch (SdpNegotiationException e) {
            failMedia(e);
            call.reject(488, "Not Acceptable Here", Map.of("Warning", e.warningHeader(AGENT)));
        } catch (RuntimeException e) {
            failMedia(e);
            call.reject(500, "Server Internal Error");
        }
        return false;
    }

    @Override
    public void reject(int status, String reason) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("reject status must be 300..699, was " + status);
        }
        call.reject(status, reason);
    }

    @Override
    public synchronized void hangUp() {
        if (!answering || state.isTerminal()) {
            throw new IllegalStateException("call " + call.callId() + " is " + state
                    + (answering ? "" : ": not answered, reject it instead"));
        }
        call.hangUp(); // before the ACK the engine sends the BYE once it arrives (RFC 3261 §15)
    }

    /** RFC 3550 gives no timeout; ours is the adapter's mediaTimeoutSeconds. The @Bye handlers see MEDIA_TIMEOUT. */
    private void onMediaTimeout() {
        synchronized (this) {
            if (state != SessionState.Connected) {
                return;
            }
            mediaTimedOut = true;
        }
        LOG.info(() -> "call " + call.callId() + ": no RTP for the media timeout, hanging up");
        call.hangUp();
    }

    @Override public void playTone(double frequencyHz) { media.playTone(frequencyHz); }
    @Override public CompletionStage<Boolean> playTone(double frequencyHz, Duration duration) { return media.playTone(frequencyHz, duration); }
    @Override public CompletionStage<Boolean> play(Path wav) { return media.play(wav); }
    @Override public void echo() { media.echo(); }
    @Override public void stopPlaying() { media.stopPlaying(); }
    @Override public CallRecording record(Path wav) { return media.record(wav); }
    @Override public void sendDtmf(String digits) { media.sendDtmf(digits); }
    @Override public void onDtmf(Consumer<Character> listener) { media.onDtmf(listener); }
    @Override public void mute() { media.mute(true); }
    @Override public void unmute() { media.mute(false); }
    @Override public RtpStreamStats rtpStats() { return media.stats(); }
    @Override public CompletionStage<Call> hold() { return modifier.hold(); }
    @Override public CompletionStage<Call> resume() { return modifier.resume(); }

    /** The caller's re-INVITE or UPDATE: hold, resume, codec change ({@link SessionModifier}). */
    void modify(ModifyRequest request) {
        modifier.modify(request);
    }

    /** The ACK confirmed our 200: connected, media flowing, the answer stage completes. */
    void acknowledged() {
        synchronized (this) {
            if (state.isTerminal()) {
                return;
            }
            if (lateOffer && !acceptAckAnswer()) {
                return;
            }
            moveTo(SessionState.Connected);
            media.activate();
        }
        answered.complete(this);
    }

    /** The late offer's answer, from the ACK; none or an unusable one ends the call (RFC 3261 §13.2.1: BYE). */
    private boolean acceptAckAnswer() {
        try {
            media.acceptAnswer(call.ackSdp());
            return true;
        } catch (SdpNegotiationException e) {
            LOG.info(() -> "call " + call.callId() + ": the ACK's answer to our offer is unusable (" + e.getMessage() + "), hanging up");
            failMedia(e);
            call.hangUp();
            return false;
        }
    }

    /** The call is over: release media, fail a pending answer. Returns the state before. */
    SessionState terminating(CallEndReason reason) {
        SessionState before;
        synchronized (this) {
            before = state;
            if (!state.isTerminal()) {
                moveTo(SessionState.Terminating);
            }
        }
        media.release();
        IllegalStateException ended = new IllegalStateException("call ended before it was confirmed: " + reason);
        early.completeExceptionally(ended);
        answered.completeExceptionally(ended);
        return before;
    }

    /** Why the call ended, as the application sees it: our BYE after the media timeout is MEDIA_TIMEOUT. */
    synchronized CallEndReason endReason(CallEndReason reported) {
        return mediaTimedOut && reported == CallEndReason.LOCAL_BYE ? CallEndReason.MEDIA_TIMEOUT : reported;
    }

    synchronized void terminated() {
        if (state != SessionState.Terminated) {
            moveTo(SessionState.Terminated);
        }
    }

    /** On application shutdown: refuse a call still waiting for its final response (ignored otherwise). */
    void abandon() {
        call.reject(503, "Service Unavailable");
        media.release();
    }

    InboundCall inboundCall() {
        return call;
    }

    /** Hold and resume of either side move Connected and OnHold. */
    synchronized void held(boolean onHold) {
        if (onHold && state == SessionState.Connected) {
            moveTo(SessionState.OnHold);
        } else if (!onHold && state == SessionState.OnHold) {
            moveTo(SessionState.Connected);
        }
    }

    /** The call's executor: the application's follow-ups run there, in order with the call's events. */
    Executor followUps() {
        return followUps;
    }

    private void failMedia(Exception e) {
        LOG.info(() -> "media of " + call.callId() + " failed: " + e.getMessage());
        media.failed();
        early.completeExceptionally(e);
        answered.completeExceptionally(e);
    }

    private void moveTo(SessionState next) {
        SessionState from = state;
        state = state.transitionTo(next);
        events.publish(new SessionStateChanged(this, from, next));
    }

    /** The last event of the call, after its end handlers ran. */
    void publishEnd(CallEnded ended) {
        events.publish(new SessionTerminated(ended));
    }
}
