package org.sipee.session;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.sipee.media.RtpStream;
import org.sipee.media.RtpStreamStats;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sdp.NegotiatedMedia;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;

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
    /** Our SDP answer once negotiated: the 183 and the 200 must carry the same one (one offer, one answer). */
    private String answerSdp;
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
            SdpAnswerer answerer = engine.apply(c -> {
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

    @Override
    public synchronized void playTone(double frequencyHz) {
        requireStream().playTone(frequencyHz);
    }

    @Override
    public synchronized void stopPlaying() {
        requireStream().stopPlaying();
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
