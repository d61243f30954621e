package org.sipee.rar.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.sipee.media.ConferenceListener;
import org.sipee.media.MediaBridge;
import org.sipee.media.MediaConference;
import org.sipee.media.RtpStream;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sdp.SdpOfferer;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.ua.OutboundRegistration;

/**
 * A handle on the engine hosted by the resource adapter. Cheap; close it when done.
 * A listener registration outlives the handle that made it: close the registration to end it.
 */
public interface SipConnection extends AutoCloseable {

    /**
     * Registers the application's call listener. Deliveries happen on the adapter's worker
     * threads (never on a network event loop), one at a time per Call-ID, with the thread
     * context class loader of the caller of this method.
     * INVITEs go to the earliest registration still open; with none, the adapter answers 480.
     */
    ListenerRegistration register(SipApplicationListener listener);

    /**
     * Places a call from an EE component (a REST resource, a timer, an EJB): the adapter hands it, as a {@link Dial}, to
     * the application that takes the INVITEs (the earliest registration still open), whose session layer opens the
     * media, sends the INVITE and reports the responses to its handlers. Returns at once with the call's Call-ID.
     *
     * @param from our identity: a SIP URI or name-addr
     * @param to   the callee: a SIP URI or name-addr whose host is an IP literal (no DNS yet)
     * @throws IllegalArgumentException when from or to is malformed, or the callee's host is not an IP literal
     * @throws IllegalStateException    when no application is registered to place it
     */
    String dial(String from, String to);

    /**
     * As {@link #dial(String, String)}, with the application's own {@code context} handed back in {@link Dial#context()}
     * (e.g. the call a back-to-back leg belongs to), so the application knows the dial before it places it.
     */
    String dial(String from, String to, Object context);

    /**
     * As {@link #dial(String, String, Object)}, answering the callee's (or a carrier proxy's) 401 and 407 challenges
     * with {@code credentials} (RFC 3261 §22.2; keep the secret in an Elytron credential store, not in code).
     */
    String dial(String from, String to, Object context, UacCredentials credentials);

    /**
     * Registers us with an upstream registrar (a carrier trunk, a PBX) and keeps the registration refreshed before it
     * runs out (RFC 3261 §10.2), answering its challenges with the settings' credentials; failures are retried with a
     * back-off and logged. Close the handle to unregister (Expires: 0). Outlives this connection handle; the
     * adapter's stop ends it without a message.
     */
    OutboundRegistration registerUpstream(OutboundRegistration.Settings settings);

    /**
     * Runs the application's own follow-ups of a call (e.g. the outcome of its re-INVITE, which the engine reports
     * on its event loop) on the adapter's workers, in order with the call's events, with the registering
     * application's context class loader. An executor taken while the call is up keeps its tasks in that order after
     * the call ended too (until the application unregisters); taken for an unknown call, it runs them on the worker
     * pool unordered.
     * Outlives this handle.
     */
    Executor callExecutor(String callId);

    /** Allocates an RTP port pair and binds it. */
    RtpStream openStream();

    /**
     * Like {@link #openStream()}, for the call with this Call-ID: with media events on, the adapter publishes the
     * stream's events (MediaStarted, DtmfReceived, QualityReport, MediaFailure, MediaStopped) for that call.
     */
    default RtpStream openStream(String callId) {
        return openStream();
    }

    /**
     * Joins two calls' open streams so each hears the other ({@link org.sipee.media.MediaEngine#bridge}); with media
     * events on, each call gets a BridgeChanged event now (bridged) and when the bridge ends (unbridged).
     */
    MediaBridge bridge(String callIdA, RtpStream a, String callIdB, RtpStream b);

    /**
     * A conference room on the engine's mixer ({@link org.sipee.media.MediaEngine#conference}); members join with
     * their Call-ID as id. With media events on, ConferenceJoined, ConferenceLeft and ConferenceTalking events name
     * the room; {@code listener} is told the same.
     */
    MediaConference conference(String room, ConferenceListener listener);

    /** Where media events are published ({@link MediaEvents} describes them); empty when they are off. */
    default Optional<MediaEventsConfig> mediaEvents() {
        return Optional.empty();
    }

    /**
     * Takes the media events in this JVM: the same events, with the same properties, as the JMS messages
     * {@link MediaEvents} describes, each passed to the listener before it is published, in the order they were
     * reported, on the adapter's media-event thread (the listener must be quick and must not block) with the thread
     * context class loader of the caller of this method. Empty when media events are off.
     */
    default Optional<ListenerRegistration> listenMediaEvents(Consumer<Map<String, Object>> listener) {
        return Optional.empty();
    }

    /**
     * How phones authenticate and what they may have (the Elytron security domain's users, the digest authenticator,
     * the registrar's policy, calls per user); empty when the adapter's securityDomain is empty (authentication off).
     */
    default Optional<SipSecurity> security() {
        return Optional.empty();
    }

    /** Answers SDP offers with the engine's advertised media address. */
    SdpAnswerer sdpAnswerer();

    /** Makes our own SDP offers (a late offer: an INVITE without one gets ours in the 200). */
    SdpOfferer sdpOfferer();

    /** How long a call may receive no RTP before the application should end it (config-property mediaTimeoutSeconds); zero when off. */
    Duration mediaTimeout();

    /** How long an incoming call may stay undecided, and what it then gets (answerTimeoutSeconds, answerTimeoutStatus). */
    AnswerTimeout answerTimeout();

    /** The Retry-After of a 503 for want of resources, e.g. RTP ports (config-property overloadRetryAfterSeconds). */
    int retryAfterSeconds();

    /** The address RTP streams advertise in SDP. */
    String advertisedAddress();

    /** Where the SIP transport is bound. */
    InetSocketAddress sipAddress();

    /** A snapshot of the engine's counters. */
    EngineStats stats();

    /** Closes the handle (not registrations, not streams). */
    @Override
    void close();
}
