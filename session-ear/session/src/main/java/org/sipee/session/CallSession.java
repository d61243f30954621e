package org.sipee.session;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

import org.sipee.media.RtpStream;
import org.sipee.media.RtpStreamStats;
import org.sipee.sdp.Direction;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sdp.NegotiatedMedia;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.ReinviteResult;

/**
 * One inbound call: its session and media state machines, its RTP stream, the answer stage.
 * Mutations are synchronized; network operations (InboundCall, RtpStream) never block.
 */
final class CallSession implements IncomingCall {

    private static final Logger LOG = Logger.getLogger(CallSession.class.getName());
    static final String AGENT = "sipee";
    private static final RtpStreamStats NO_RTP = new RtpStreamStats(0, 0, 0);

    private final InboundCall call;
    private final EngineAccess engine;
    private final CompletableFuture<IncomingCall> answered = new CompletableFuture<>();
    private final CompletableFuture<IncomingCall> early = new CompletableFuture<>();
    private SessionState state = SessionState.Initializing;
    private MediaState mediaState = MediaState.None;
    private boolean answering;
    private boolean earlyStarted;
    private RtpStream stream;
    /**
     * Our SDP of the latest exchange: the answer of the 183 and the 200 (one offer, one answer), then of each
     * re-INVITE or UPDATE (RFC 3264 §8: same o= line, version + 1).
     */
    private String answerSdp;
    /** The tone the application plays, kept while media is Paused (on hold) to resume it; null when none. */
    private Double toneHz;
    private Executor followUps;
    /** The engine's answerer (stateless), kept for the offers of re-INVITEs and UPDATEs. */
    private SdpAnswerer answerer;
    private RtpStreamStats lastRtp = NO_RTP;

    CallSession(InboundCall call, EngineAccess engine) {
        this.call = call;
        this.engine = engine;
    }

    @Override public String callId() { return call.callId(); }
    @Override public String from() { return call.from(); }
    @Override public String to() { return call.to(); }
    @Override public String requestUri() { return call.requestUri(); }
    @Override public synchronized SessionState state() { return state; }
    @Override public synchronized MediaState mediaState() { return mediaState; }

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
        if (answering || state.isTerminal()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "no early media for " + call.callId() + ": already answered or ended (state " + state + ")"));
        }
        earlyStarted = true;
        if (negotiate()) {
            if (state == SessionState.Initializing) {
                moveTo(SessionState.Ringing); // early media is still an unanswered call
            }
            call.sendProvisional(183, "Session Progress", answerSdp);
            early.complete(this);
        }
        return early;
    }

    @Override
    public synchronized CompletionStage<IncomingCall> answer() {
        if (answering || state.isTerminal() || mediaState == MediaState.Failed) {
            return answered; // a failed earlyMedia() already failed this stage and rejected the call
        }
        answering = true;
        if (answerSdp != null || negotiate()) {
            call.accept(answerSdp); // after earlyMedia(): the stream already plays, the answer is the one sent in the 183
        }
        return answered;
    }

    /**
     * Answers the offer, opens the RTP stream and points it at the caller; media ends Configured. On failure the
     * call is rejected (488 with a Warning, or 500), media is Failed and the pending stages fail.
     */
    private boolean negotiate() {
        mediaTo(MediaState.Negotiating);
        try {
            String offer = call.remoteSdp();
            if (offer == null) {
                throw new SdpNegotiationException(399, "INVITE without an SDP offer is not supported");
            }
            answerer = engine.apply(c -> {
                stream = c.openStream();
                return c.sdpAnswerer();
            });
            NegotiatedMedia media = answerer.answer(offer, stream.localPort());
            if (media.remoteRtp() != null) {
                stream.connect(resolved(media.remoteRtp()), media.payloadType(), media.encodingName());
            }
            mediaTo(MediaState.Configured);
            answerSdp = media.answerSdp();
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

    /** On hold (media Paused) the tone is only remembered: it starts when the call resumes. */
    @Override
    public synchronized void playTone(double frequencyHz) {
        RtpStream s = requireStream();
        if (mediaState != MediaState.Paused) {
            s.playTone(frequencyHz);
        }
        toneHz = frequencyHz;
    }

    @Override
    public synchronized void stopPlaying() {
        requireStream().stopPlaying();
        toneHz = null;
    }

    @Override
    public CompletionStage<IncomingCall> hold() {
        return reoffer(Direction.SENDONLY, false); // RFC 3264 §8.4
    }

    @Override
    public CompletionStage<IncomingCall> resume() {
        return reoffer(Direction.SENDRECV, true);
    }

    /**
     * Our re-INVITE (RFC 3261 §14.1) with our SDP in the given direction. The engine reports the outcome on its event
     * loop; it is applied on the adapter's workers, in order with the call's events (never blocking the loop).
     */
    private CompletionStage<IncomingCall> reoffer(Direction direction, boolean sending) {
        String offer;
        synchronized (this) {
            if (state != SessionState.Connected && state != SessionState.OnHold) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "call " + call.callId() + " is " + state + ": hold and resume need a connected call"));
            }
            try {
                offer = SdpRevision.withDirection(answerSdp, direction);
            } catch (SdpNegotiationException e) {
                return CompletableFuture.failedFuture(new IllegalStateException("our own SDP does not parse: " + e.getMessage(), e));
            }
        }
        Executor executor = followUps();
        return call.reinvite(offer).thenApplyAsync(result -> reoffered(result, offer, sending), executor);
    }

    private synchronized IncomingCall reoffered(ReinviteResult result, String offer, boolean sending) {
        if (!result.isSuccess()) { // §14.1: a non-2xx leaves the session as it was
            throw new CompletionException(new IllegalStateException("re-INVITE of " + call.callId() + " answered "
                    + result.status() + " " + result.reason() + "; the session is unchanged"));
        }
        if (state.isTerminal() || stream == null) {
            throw new CompletionException(new IllegalStateException("call " + call.callId() + " ended"));
        }
        answerSdp = offer; // the peer's answer keeps to what we offered: our codec, its address as before
        sending(sending);
        return this;
    }

    private synchronized Executor followUps() {
        if (followUps == null) {
            followUps = engine.apply(c -> c.callExecutor(call.callId()));
        }
        return followUps;
    }

    /**
     * The caller's re-INVITE or UPDATE (RFC 3261 §14.2, RFC 3311 §5.2). An offer changes the session: a=sendonly,
     * a=inactive or c=0.0.0.0 puts us on hold (we answer recvonly or inactive and stop sending, RFC 3264 §8.4);
     * sendrecv again resumes; another codec order re-points the stream to the newly answered codec (§8.3.2).
     * An offer we cannot answer gets 488 and leaves the session as it was (§14.2). Refreshes and late offers
     * (no SDP) get our SDP unchanged.
     */
    void modify(ModifyRequest request) {
        String offer = request.offerSdp();
        if (offer == null || request.isRefresh()) {
            request.answerByDefault();
            return;
        }
        String answer;
        synchronized (this) {
            if (stream == null || state.isTerminal()) {
                request.reject(488, "Not Acceptable Here");
                return;
            }
            try {
                NegotiatedMedia media = answerer.answer(offer, stream.localPort());
                answer = SdpRevision.next(answerSdp, media.answerSdp());
                boolean sending = SdpRevision.weSend(answer, media.remoteRtp() != null);
                stream.telephoneEventPayloadType(media.telephoneEventPayloadType());
                stream.connect(media.remoteRtp() == null ? null : resolved(media.remoteRtp()), media.payloadType(),
                        media.encodingName());
                answerSdp = answer;
                sending(sending);
            } catch (SdpNegotiationException e) {
                LOG.info(() -> request.method() + " in " + call.callId() + " not answerable: " + e.getMessage());
                request.reject(488, "Not Acceptable Here");
                return;
            } catch (RuntimeException e) {
                LOG.info(() -> request.method() + " in " + call.callId() + " failed: " + e);
                request.reject(500, "Server Internal Error");
                return;
            }
        }
        request.accept(answer);
    }

    /** Whether we send audio now: Active and Connected (the tone plays), or Paused and OnHold (silence). */
    private void sending(boolean sending) {
        if (!sending && mediaState == MediaState.Active) {
            mediaTo(MediaState.Paused);
            stream.stopPlaying(); // received RTP is still counted
            if (state == SessionState.Connected) {
                moveTo(SessionState.OnHold);
            }
        } else if (sending && mediaState == MediaState.Paused) {
            mediaTo(MediaState.Active);
            if (toneHz != null) {
                stream.playTone(toneHz);
            }
            if (state == SessionState.OnHold) {
                moveTo(SessionState.Connected);
            }
        }
    }

    @Override
    public synchronized RtpStreamStats rtpStats() {
        return stream != null ? stream.stats() : lastRtp;
    }

    /** The ACK confirmed our 200: connected, media flowing, the answer stage completes. */
    void acknowledged() {
        synchronized (this) {
            if (state.isTerminal()) {
                return;
            }
            moveTo(SessionState.Connected);
            if (mediaState == MediaState.Configured) {
                mediaTo(MediaState.Active);
            }
        }
        answered.complete(this);
    }

    /** The call is over: release media, fail a pending answer. Returns the state before. */
    SessionState terminating(CallEndReason reason) {
        SessionState before;
        synchronized (this) {
            before = state;
            if (!state.isTerminal()) {
                moveTo(SessionState.Terminating);
            }
            releaseMedia();
        }
        IllegalStateException ended = new IllegalStateException("call ended before it was confirmed: " + reason);
        early.completeExceptionally(ended);
        answered.completeExceptionally(ended);
        return before;
    }

    synchronized void terminated() {
        if (state != SessionState.Terminated) {
            moveTo(SessionState.Terminated);
        }
    }

    /** On application shutdown: refuse a call still waiting for its final response (ignored otherwise). */
    void abandon() {
        call.reject(503, "Service Unavailable");
        synchronized (this) {
            releaseMedia();
        }
    }

    InboundCall inboundCall() {
        return call;
    }

    private void failMedia(Exception e) {
        LOG.info(() -> "media of " + call.callId() + " failed: " + e.getMessage());
        closeStream();
        mediaTo(MediaState.Failed);
        early.completeExceptionally(e);
        answered.completeExceptionally(e);
    }

    /** Closes the stream (its ports are freed) and returns media to None. */
    private void releaseMedia() {
        closeStream();
        if (mediaState != MediaState.None) {
            mediaTo(MediaState.None);
        }
    }

    private void closeStream() {
        if (stream != null) {
            lastRtp = stream.stats();
            stream.close();
            stream = null;
        }
    }

    /** The offer may name its media host; we run on a worker thread, where a lookup may block. */
    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

    private RtpStream requireStream() {
        if (stream == null) {
            throw new IllegalStateException("call " + call.callId() + " has no media stream (state " + state + ", media " + mediaState + ")");
        }
        return stream;
    }

    private void moveTo(SessionState next) {
        state = state.transitionTo(next);
    }

    private void mediaTo(MediaState next) {
        mediaState = mediaState.transitionTo(next);
    }
}
