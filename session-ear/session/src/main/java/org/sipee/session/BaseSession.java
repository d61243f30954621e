package org.sipee.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.sipee.media.RtpStreamStats;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.DialogCall;
import org.sipee.sip.ua.ModifyRequest;

/**
 * What a call session is whichever side placed the call: the session state machine, its media ({@link CallMedia}),
 * the re-INVITEs of either side ({@link SessionModifier}), the media timeout and the end of the session. Mutations
 * are synchronized; network operations never block.
 */
abstract sealed class BaseSession implements Call permits CallSession, OutboundSession {

    private static final Logger LOG = Logger.getLogger(BaseSession.class.getName());
    static final String AGENT = "sipee";

    private final String callId;
    private final EngineAccess engine;
    private final Executor followUps;
    private final SessionEvents events;
    final CallMedia media;
    private final SessionModifier modifier;
    private final MediaReports mediaReports = new MediaReports();
    private final List<LegListener> legListeners = new CopyOnWriteArrayList<>();
    private SessionState state = SessionState.Initializing;
    private boolean mediaTimedOut;
    private SessionBridge bridge;

    /**
     * @param publisher   receives the call's events (CDI's Event.fire in the server), in order, on the call's executor
     * @param callContext activated around the call's follow-ups (and so its event observers)
     */
    BaseSession(String callId, EngineAccess engine, Consumer<Object> publisher, CallContext callContext) {
        this.callId = callId;
        this.engine = engine;
        this.followUps = callContext.activating(callId, engine.apply(c -> c.callExecutor(callId)));
        this.events = new SessionEvents(publisher, followUps);
        this.media = new CallMedia(callId, engine, followUps, this::onMediaTimeout,
                (from, to) -> events.publish(new MediaStateChanged(this, from, to)));
        this.modifier = new SessionModifier(this, media);
    }

    /** The call's dialog usage in the engine, for re-INVITEs; null before there is one. */
    abstract DialogCall dialog();

    /** Sends BYE (or, not yet answered, gives the call up). */
    abstract void endCall();

    /** The call linked to this one ended (a back-to-back leg): end this one too, whatever its stage. */
    abstract void endLinked();

    /** The application is going away: end the call on the wire and release its media. */
    abstract void abandon();

    /** Stages waiting for the call to be answered fail with this. */
    abstract void failStages(Throwable cause);

    @Override public String callId() { return callId; }
    @Override public synchronized SessionState state() { return state; }
    @Override public MediaState mediaState() { return media.state(); }

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
    @Override public Optional<NegotiatedAudio> negotiatedMedia() { return media.negotiated(); }
    @Override public boolean mediaStarted() { return mediaReports.isStarted(); }
    @Override public Optional<MediaQuality> mediaQuality() { return mediaReports.quality(); }
    @Override public CompletionStage<Call> hold() { return modifier.hold(); }
    @Override public CompletionStage<Call> resume() { return modifier.resume(); }

    @Override
    public CallBridge bridge(Call other) {
        if (!(other instanceof BaseSession peer)) {
            throw new IllegalArgumentException("not a call of this application: " + other);
        }
        return SessionBridge.open(this, peer, engine);
    }

    @Override
    public synchronized Optional<CallBridge> bridged() {
        return Optional.ofNullable(bridge);
    }

    synchronized void bridged(SessionBridge joined) {
        bridge = joined;
    }

    synchronized void unbridged(SessionBridge ended) {
        if (bridge == ended) {
            bridge = null;
        }
    }

    EngineAccess engine() {
        return engine;
    }

    /**
     * A transfer or a Replaces moved the conversation: this call is bridged to {@code joining} instead of
     * {@code leaving}, which {@code joining} also replaces in this call's back-to-back pair.
     */
    void bridgeInPlaceOf(BaseSession leaving, BaseSession joining) {
        bridge(joining); // ends this call's bridge with the leaving one
        legListeners.forEach(l -> l.handOver(leaving, joining));
    }

    /** The call this one is bridged to, or null. */
    synchronized BaseSession partner() {
        return bridge == null ? null : (BaseSession) bridge.other(this);
    }

    /** The peer's identity (name-addr without tag): the caller of an incoming call, the callee of an outgoing one. */
    abstract String remoteParty();

    /** Our identity in the call (name-addr without tag). */
    abstract String localParty();

    /** A From or To value as an identity to call with: the name-addr without its tag. */
    static String withoutTag(String header, String name) {
        NameAddress address = NameAddress.parse(header, name);
        return new NameAddress(address.displayName(), address.uri(), Map.of()).toString();
    }

    /** A transfer of this call started (Connected or OnHold to Transferring) or failed (back to Connected). */
    synchronized void transferring(boolean started) {
        if (started && (state == SessionState.Connected || state == SessionState.OnHold)) {
            moveTo(SessionState.Transferring);
        } else if (!started && state == SessionState.Transferring) {
            moveTo(SessionState.Connected);
        }
    }

    @Override
    public CompletionStage<Integer> transfer(String target) {
        return Transferor.blind(this, target);
    }

    @Override
    public CompletionStage<Integer> transfer(Call other) {
        if (!(other instanceof BaseSession target) || other == this) {
            throw new IllegalArgumentException("not another call of this application: " + other);
        }
        return Transferor.attended(this, target);
    }

    /** Told of this call's responses and end on behalf of another call (a back-to-back leg, a transfer). */
    void addLegListener(LegListener listener) {
        legListeners.add(listener);
    }

    List<LegListener> legListeners() {
        return legListeners;
    }

    /** The peer's re-INVITE or UPDATE: hold, resume, codec change ({@link SessionModifier}). */
    void modify(ModifyRequest request) {
        modifier.modify(request);
    }

    /** RFC 3550 gives no timeout; ours is the adapter's mediaTimeoutSeconds. The @Bye handlers see MEDIA_TIMEOUT. */
    private void onMediaTimeout() {
        synchronized (this) {
            if (state != SessionState.Connected) {
                return;
            }
            mediaTimedOut = true;
        }
        LOG.info(() -> "call " + callId + ": no RTP for the media timeout, hanging up");
        media.streamFailed(); // Failed before the hang-up releases the media (the MediaFailure event may come later)
        endCall();
    }

    /** The adapter's MediaFailure event: the media of a connected call fails (idempotent with onMediaTimeout). */
    void mediaFailed() {
        synchronized (this) {
            if (state != SessionState.Connected) {
                return; // early media may be one-way; on hold the peer may send nothing
            }
        }
        media.streamFailed();
    }

    /** What the adapter's MediaStarted and QualityReport events said of this call. */
    MediaReports mediaReports() {
        return mediaReports;
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
        failStages(new IllegalStateException("call ended before it was confirmed: " + reason));
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

    /** Media failed (negotiation or stream): stream closed, media Failed, the pending stages fail. */
    void failMedia(Exception e) {
        LOG.info(() -> "media of " + callId + " failed: " + e.getMessage());
        media.failed();
        failStages(e);
    }

    /** Under the session's lock. */
    void moveTo(SessionState next) {
        SessionState from = state;
        state = state.transitionTo(next);
        events.publish(new SessionStateChanged(this, from, next));
    }

    /** The last event of the call, after its end handlers ran. */
    void publishEnd(CallEnded ended) {
        events.publish(new SessionTerminated(ended));
    }
}
