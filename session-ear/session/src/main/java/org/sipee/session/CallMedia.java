package org.sipee.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.sipee.media.RtpStream;
import org.sipee.media.RtpStreamStats;
import org.sipee.sdp.NegotiatedMedia;
import org.sipee.sdp.SdpNegotiationException;

/**
 * One call's media: its RTP stream, our SDP of the latest offer/answer exchange, the media state machine, and what the
 * application plays, records and hears. Engine callbacks (DTMF, media timeout, end of a file) arrive on the stream's
 * event loop and are handed to the call's executor, so application code never runs on it. Thread-safe; a caller
 * holding the session's lock may call in (never the other way round).
 */
final class CallMedia {

    private static final Logger LOG = Logger.getLogger(CallMedia.class.getName());
    private static final RtpStreamStats NO_RTP = new RtpStreamStats(0, 0, 0);

    private final String callId;
    private final EngineAccess engine;
    private final Executor followUps;
    private final Runnable onMediaTimeout;
    private final BiConsumer<MediaState, MediaState> onStateChange;
    private final List<Consumer<Character>> dtmfListeners = new CopyOnWriteArrayList<>();
    private final List<SessionRecording> recordings = new ArrayList<>();
    private MediaState state = MediaState.None;
    private RtpStream stream;
    /** Our SDP of the latest exchange (RFC 3264 §8: later ones keep its o= line, version + 1). */
    private String localSdp;
    private Duration mediaTimeout = Duration.ZERO;
    private RtpStreamStats lastRtp = NO_RTP;
    private NegotiatedMedia negotiated;

    /**
     * @param followUps      the call's executor (in order with its events)
     * @param onMediaTimeout runs on that executor when no RTP arrived for the adapter's mediaTimeoutSeconds
     * @param onStateChange  told of every media state transition (from, to), under this object's lock
     */
    CallMedia(String callId, EngineAccess engine, Executor followUps, Runnable onMediaTimeout,
              BiConsumer<MediaState, MediaState> onStateChange) {
        this.callId = callId;
        this.engine = engine;
        this.followUps = followUps;
        this.onMediaTimeout = onMediaTimeout;
        this.onStateChange = onStateChange;
    }

    synchronized MediaState state() { return state; }

    synchronized String localSdp() { return localSdp; }

    synchronized boolean hasStream() { return stream != null; }

    /** The open stream, to bridge or conference it. */
    synchronized RtpStream stream() { return requireStream(); }

    /** Answers the caller's offer on a new stream pointed at the caller; media ends Configured (RFC 3264 §6). */
    synchronized String answer(String offer) throws SdpNegotiationException {
        to(MediaState.Negotiating);
        openStream();
        NegotiatedMedia media = engine.apply(c -> c.sdpAnswerer()).answer(offer, stream.localPort());
        apply(media);
        localSdp = media.answerSdp();
        to(MediaState.Configured);
        return localSdp;
    }

    /** A late offer (RFC 3261 §13.2.1): our offer for the 200 on a new stream; the answer comes with the ACK. */
    synchronized String offer() {
        to(MediaState.Negotiating);
        openStream();
        localSdp = engine.apply(c -> c.sdpOfferer()).offer(stream.localPort());
        return localSdp;
    }

    /** The answer to our offer (in the ACK of a late offer, or a callee's 18x or 2xx); media ends Configured. */
    synchronized void acceptAnswer(String answer) throws SdpNegotiationException {
        apply(engine.apply(c -> c.sdpOfferer()).accept(localSdp, answer));
        if (state != MediaState.Configured) { // the 2xx after an early answer re-applies it
            to(MediaState.Configured);
        }
    }

    /** Our answer to a re-offer, and whether we may send under it. */
    record Reanswer(String sdp, boolean weSend) {
    }

    /**
     * The caller's re-offer (RFC 3264 §8): answers it on the same stream (another codec switches it), o= version + 1;
     * we send unless it holds us (§8.4: sendonly, inactive, or c=0.0.0.0).
     */
    synchronized Reanswer reanswer(String offer) throws SdpNegotiationException {
        if (stream == null) {
            throw new SdpNegotiationException(399, "call " + callId + " has no media stream");
        }
        NegotiatedMedia media = engine.apply(c -> c.sdpAnswerer()).answer(offer, stream.localPort());
        String answer = SdpRevision.next(localSdp, media.answerSdp());
        boolean weSend = SdpRevision.weSend(answer, media.remoteRtp() != null);
        apply(media);
        localSdp = answer;
        return new Reanswer(answer, weSend);
    }

    /** Our re-offer was answered 2xx: it is now the SDP of the session. */
    synchronized void offered(String offer) {
        localSdp = offer;
    }

    /** Confirmed call: media flows; the media timeout counts from now (early media may have been one-way). */
    synchronized void activate() {
        if (state == MediaState.Configured) {
            to(MediaState.Active);
            armMediaTimeout(true);
        }
    }

    /**
     * Hold (false) and resume (true), RFC 3264 §8.4: nothing is sent on hold, what plays keeps its place, and the
     * media timeout rests (a held peer may send nothing). Returns whether the media state changed.
     */
    synchronized boolean sending(boolean sending) {
        if (stream == null || (sending ? state != MediaState.Paused : state != MediaState.Active)) {
            return false;
        }
        to(sending ? MediaState.Active : MediaState.Paused);
        stream.sending(sending);
        armMediaTimeout(sending);
        return true;
    }

    synchronized void failed() {
        closeStream();
        to(MediaState.Failed);
    }

    /** The stream stopped working (e.g. no RTP for the media timeout): closed, media Failed; false when already released or failed. */
    synchronized boolean streamFailed() {
        if (stream == null || !state.canTransitionTo(MediaState.Failed)) {
            return false;
        }
        failed();
        return true;
    }

    /** Closes the stream (its ports are freed), finishes the recordings, media back to None. */
    void release() {
        List<SessionRecording> open;
        synchronized (this) {
            closeStream();
            if (state != MediaState.None) {
                to(MediaState.None);
            }
            open = List.copyOf(recordings);
            recordings.clear();
        }
        open.forEach(SessionRecording::stop); // file I/O: outside the lock
    }

    synchronized RtpStreamStats stats() {
        return stream != null ? stream.stats() : lastRtp;
    }

    synchronized void playTone(double hz) {
        requireStream().playTone(hz);
    }

    CompletionStage<Boolean> playTone(double hz, Duration duration) {
        RtpStream s;
        synchronized (this) {
            s = requireStream();
        }
        return onFollowUps(s.playTone(hz, duration));
    }

    CompletionStage<Boolean> play(Path wav) {
        RtpStream s;
        synchronized (this) {
            s = requireStream();
        }
        try {
            return onFollowUps(s.play(wav)); // reads the file here, on the application's thread
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot play " + wav + ": " + e.getMessage(), e));
        }
    }

    synchronized void echo() {
        requireStream().echo();
    }

    synchronized void stopPlaying() {
        requireStream().stopPlaying();
    }

    synchronized void mute(boolean muted) {
        requireStream().mute(muted);
    }

    /** RFC 4733 digits, 100 ms each (a common keypad press length) after any queued before. */
    synchronized void sendDtmf(String digits) {
        RtpStream s = requireStream();
        for (char digit : digits.toCharArray()) {
            s.sendDtmf(digit, Duration.ofMillis(100));
        }
    }

    void onDtmf(Consumer<Character> listener) {
        dtmfListeners.add(listener);
    }

    CallRecording record(Path wav) {
        SessionRecording recording;
        synchronized (this) {
            try {
                recording = new SessionRecording(requireStream().record(wav));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record to " + wav + ": " + e.getMessage(), e);
            }
            recordings.add(recording);
        }
        return recording;
    }

    private void openStream() {
        stream = engine.apply(c -> {
            mediaTimeout = c.mediaTimeout();
            return c.openStream(callId);
        });
        stream.onDtmf(event -> followUps.execute(() -> dtmfListeners.forEach(l -> deliver(l, event.digit()))));
        armMediaTimeout(true);
    }

    /** A listener that throws is logged; the others still hear the digit. */
    private void deliver(Consumer<Character> listener, char digit) {
        try {
            listener.accept(digit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DTMF listener of call " + callId + " failed on '" + digit + "'", e);
        }
    }

    private void armMediaTimeout(boolean armed) {
        if (!mediaTimeout.isZero()) {
            stream.onMediaTimeout(mediaTimeout, armed ? () -> followUps.execute(onMediaTimeout) : null);
        }
    }

    /** Codec, telephone-event and where to send; a host name in the SDP is looked up here, on a worker thread. */
    private void apply(NegotiatedMedia media) {
        InetSocketAddress remote = media.remoteRtp();
        boolean named = remote != null && remote.isUnresolved();
        negotiated = named ? media.withRemoteRtp(new InetSocketAddress(remote.getHostString(), remote.getPort())) : media;
        stream.connect(negotiated);
    }

    /** What the latest offer/answer exchange settled, while the stream is open. */
    synchronized Optional<NegotiatedAudio> negotiated() {
        if (stream == null || negotiated == null) {
            return Optional.empty();
        }
        return Optional.of(new NegotiatedAudio(negotiated.encodingName(), negotiated.payloadType(),
                negotiated.telephoneEventPayloadType(), negotiated.remoteRtp(), stream.localPort(), localSdp));
    }

    /** The engine completes media stages on its event loop; the application's continuations run on the call's executor. */
    private <T> CompletionStage<T> onFollowUps(CompletableFuture<T> stage) {
        return stage.thenApplyAsync(v -> v, followUps);
    }

    private void closeStream() {
        if (stream != null) {
            lastRtp = stream.stats();
            stream.close();
            stream = null;
        }
    }

    private RtpStream requireStream() {
        if (stream == null) {
            throw new IllegalStateException("call " + callId + " has no media stream (media " + state + ")");
        }
        return stream;
    }

    private void to(MediaState next) {
        MediaState from = state;
        state = state.transitionTo(next);
        onStateChange.accept(from, next);
    }
}
