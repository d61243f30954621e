package org.sipee.session;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.sipee.media.PortsExhaustedException;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipIdentity;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.message.ReasonPhrases;
import org.sipee.sip.ua.DialogCall;
import org.sipee.sip.ua.InboundCall;

/**
 * One inbound call: the answer stages and the responses to the INVITE; the rest of the session is {@link BaseSession}.
 */
final class CallSession extends BaseSession implements IncomingCall {

    private static final Logger LOG = Logger.getLogger(CallSession.class.getName());

    private final InboundCall call;
    private final CompletableFuture<IncomingCall> answered = new CompletableFuture<>();
    private final CompletableFuture<IncomingCall> early = new CompletableFuture<>();
    private boolean answering;
    private boolean earlyStarted;
    private boolean lateOffer;
    private boolean rejected;
    /** The authenticated caller of a protected route, else null. */
    private volatile SipIdentity caller;
    /** When the INVITE arrived, for the answer timeout (System.nanoTime). */
    private final long arrived = System.nanoTime();

    /** Outside CDI (unit tests): nobody observes its events, its call context is its own. */
    CallSession(InboundCall call, EngineAccess engine) {
        this(call, engine, SessionEvents.NOBODY, new CallContext());
    }

    CallSession(InboundCall call, EngineAccess engine, Consumer<Object> publisher, CallContext callContext) {
        super(call.callId(), engine, publisher, callContext);
        this.call = call;
    }

    @Override public String from() { return call.from(); }
    @Override public String to() { return call.to(); }
    @Override public String requestUri() { return call.requestUri(); }
    @Override public String header(String name) { return call.invite().header(name); }
    @Override public List<String> headers(String name) { return call.invite().headerValues(name); }
    @Override public Optional<Principal> caller() { return Optional.ofNullable(caller).map(c -> new CallerPrincipal(c.name())); }
    @Override public boolean isCallerInRole(String role) { return caller != null && caller.hasRole(role); }
    @Override DialogCall dialog() { return call; }
    @Override String remoteParty() { return withoutTag(call.from(), "From"); }
    @Override String localParty() { return withoutTag(call.to(), "To"); }
    @Override void endCall() { call.hangUp(); }

    /** Before its handler runs: who the route authenticated. */
    void authenticated(Optional<SipIdentity> identity) {
        caller = identity.orElse(null);
    }

    boolean isPlacedBy(String user) {
        SipIdentity current = caller;
        return current != null && current.name().equals(user) && !state().isTerminal();
    }

    @Override
    public synchronized void ringing() {
        if (state() == SessionState.Initializing) {
            moveTo(SessionState.Ringing);
        }
        call.sendProvisional(180, "Ringing", null);
    }

    @Override
    public synchronized CompletionStage<IncomingCall> earlyMedia() {
        if (earlyStarted) {
            return early;
        }
        if (answering || state().isTerminal() || call.remoteSdp() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no early media for " + call.callId()
                    + ": " + (call.remoteSdp() == null ? "the INVITE has no offer" : "already answered or ended (state " + state() + ")")));
        }
        earlyStarted = true;
        if (negotiate()) {
            if (state() == SessionState.Initializing) {
                moveTo(SessionState.Ringing); // early media is still an unanswered call
            }
            call.sendProvisional(183, "Session Progress", media.localSdp());
            early.complete(this);
        }
        return early;
    }

    @Override
    public synchronized CompletionStage<IncomingCall> answer() {
        if (answering || state().isTerminal() || media.state() == MediaState.Failed) {
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
     * failure the call is rejected (488 with a Warning; 503 with Retry-After when no RTP port or socket is free, RFC
     * 3261 §21.5.4; else 500), media is Failed and the pending stages fail.
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
        } catch (PortsExhaustedException e) {
            failMedia(e);
            call.reject(503, "Service Unavailable",
                    Map.of("Retry-After", Integer.toString(engine().apply(SipConnection::retryAfterSeconds))));
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
        decided();
        call.reject(status, reason);
    }

    @Override
    public void redirect(int status, List<String> contacts) {
        if (status < 300 || status > 399 || contacts.isEmpty()) {
            throw new IllegalArgumentException("a redirect needs a 3xx status and a contact, was " + status + " " + contacts);
        }
        decided();
        call.reject(status, ReasonPhrases.of(status), Map.of("Contact", contacts.stream()
                .map(c -> c.indexOf('<') >= 0 ? c : '<' + c + '>').collect(Collectors.joining(", "))));
    }

    @Override
    public synchronized void hangUp() {
        if (!answering || state().isTerminal()) {
            throw new IllegalStateException("call " + call.callId() + " is " + state()
                    + (answering ? "" : ": not answered, reject it instead"));
        }
        call.hangUp(); // before the ACK the engine sends the BYE once it arrives (RFC 3261 §15)
    }

    @Override
    public CompletionStage<OutgoingCall> connectTo(String target) {
        return BackToBack.connect(this, List.of(target));
    }

    @Override
    public CompletionStage<OutgoingCall> connectTo(List<String> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("connectTo needs at least one target for " + call.callId());
        }
        return BackToBack.connect(this, List.copyOf(targets));
    }

    /** BYE once answered (after the ACK), else 480: the other leg is gone (RFC 3261 §21.4.18). */
    @Override
    synchronized void endLinked() {
        if (answering) {
            call.hangUp();
        } else if (!rejected && !state().isTerminal()) {
            reject(480, "Temporarily Unavailable");
        }
    }

    /** The ACK confirmed our 200: connected, media flowing, the answer stage completes. */
    void acknowledged() {
        synchronized (this) {
            if (state().isTerminal()) {
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

    /** On application shutdown: BYE once answered, else 503 (RFC 3261 §21.5.4: we are going away). */
    @Override
    synchronized void abandon() {
        if (answering) {
            call.hangUp();
        } else {
            call.reject(503, "Service Unavailable");
        }
        media.release();
    }

    /** The answer stage, without answering (answer() answers). */
    CompletionStage<IncomingCall> whenAnswered() {
        return answered;
    }

    InboundCall inboundCall() {
        return call;
    }

    /** Whether the handler has left the call undecided (neither answered nor refused) for longer than {@code limit}. */
    synchronized boolean undecidedLongerThan(Duration limit, long now) {
        return !answering && !rejected && !state().isTerminal() && now - arrived > limit.toNanos();
    }

    /** Nobody answered or rejected in time: {@code status}, e.g. 480 Temporarily Unavailable (RFC 3261 §21.4.18). */
    void answerTimedOut(int status) {
        synchronized (this) {
            if (answering || rejected || state().isTerminal()) {
                return;
            }
            rejected = true;
        }
        LOG.info(() -> "call " + callId() + " left undecided by its handler: " + status);
        call.reject(status, ReasonPhrases.of(status));
    }

    private synchronized void decided() {
        rejected = true;
    }

    @Override
    void failStages(Throwable cause) {
        early.completeExceptionally(cause);
        answered.completeExceptionally(cause);
    }
}
