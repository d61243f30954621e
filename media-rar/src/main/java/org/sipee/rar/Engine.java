package org.sipee.rar;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.work.HintsContext;

import org.sipee.media.ConferenceListener;
import org.sipee.media.MediaBridge;
import org.sipee.media.MediaConference;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;
import org.sipee.rar.api.AnswerTimeout;
import org.sipee.rar.api.EngineStats;
import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.MediaEventsConfig;
import org.sipee.rar.api.SipSecurity;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sdp.SdpOfferer;
import org.sipee.sip.SipStack;
import org.sipee.sip.auth.DigestAuthenticator;

/**
 * What a started adapter holds: the delivery pool, the call router, the RTP engine, the SIP
 * stack and (when configured) the media event publisher, all running on WorkManager threads.
 * close() stops them in reverse order and waits.
 */
final class Engine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    final WorkerPool pool;
    final CallRouter router;
    final MediaEngine media;
    final SipStack sip;
    final SdpAnswerer answerer;
    final SdpOfferer offerer;
    final Duration mediaTimeout;
    final AnswerTimeout answerTimeout;
    final int retryAfterSeconds;
    final Optional<MediaEventsConfig> mediaEvents;
    /** Empty when authentication is off (securityDomain empty). */
    final Optional<SipSecurity> security;
    /** Null when media events are off. */
    private final MediaEventDispatcher events;
    /** The applications taking media events in this JVM; null when media events are off. */
    private final LocalMediaListeners localListeners;

    private Engine(WorkerPool pool, CallRouter router, MediaEngine media, SipStack sip, EngineSettings settings,
                   MediaEventDispatcher events, LocalMediaListeners localListeners, Optional<SipSecurity> security) {
        this.pool = pool;
        this.router = router;
        this.media = media;
        this.sip = sip;
        this.answerer = new SdpAnswerer(media.advertisedAddress());
        this.offerer = new SdpOfferer(media.advertisedAddress());
        this.mediaTimeout = settings.mediaTimeout();
        this.answerTimeout = settings.answerTimeout();
        this.retryAfterSeconds = settings.sip().overload().overloadRetryAfterSeconds();
        this.mediaEvents = settings.mediaEvents();
        this.events = events;
        this.localListeners = localListeners;
        this.security = security;
    }

    static Engine start(EngineSettings settings, BootstrapContext context) throws ResourceAdapterInternalException {
        Optional<SipSecurity> security = security(settings.security());
        boolean hints = context.isContextSupported(HintsContext.class);
        LOG.info(() -> "engine threads run as JCA Works" + (hints ? " with the LONGRUNNING hint" : " (no HintsContext support)"));
        WorkManagerExecutor io = new WorkManagerExecutor(context.getWorkManager(), "sipee-io", hints);
        WorkManagerExecutor workers = new WorkManagerExecutor(context.getWorkManager(), "sipee-delivery", hints);
        WorkerPool pool = new WorkerPool(workers, settings.deliveryThreads());
        CallRouter router = new CallRouter(pool);
        MediaEngine media = null;
        MediaEventDispatcher events = null;
        LocalMediaListeners localListeners = settings.mediaEvents().isPresent() ? new LocalMediaListeners() : null;
        try {
            events = settings.mediaEvents().map(config -> startEvents(config, localListeners, settings.qualityReportInterval(),
                    new WorkManagerExecutor(context.getWorkManager(), "sipee-media-events", hints))).orElse(null);
            OsLimits.check(settings.media());
            media = MediaEngine.start(settings.media(), io);
            SipStack sip = SipStack.start(settings.sip(), io, router, pool::queued, media::freePortPairs);
            Engine engine = new Engine(pool, router, media, sip, settings, events, localListeners, security);
            LOG.info(() -> "SIP on " + sip.localAddress() + ", RTP " + settings.media().rtpPortMin() + "-"
                    + settings.media().rtpPortMax() + " advertised as " + engine.media.advertisedAddress());
            return engine;
        } catch (IOException | RuntimeException e) {
            closeQuietly(media);
            closeQuietly(events);
            closeQuietly(pool);
            String where = settings.sip().bindAddress() + ":" + settings.sip().port();
            throw new ResourceAdapterInternalException("media-rar: the engine failed to start (SIP " + where
                    + ", RTP " + settings.media().rtpPortMin() + "-" + settings.media().rtpPortMax() + "): " + e, e);
        }
    }

    /** Phones authenticate against the configured Elytron domain; it must be there before anything starts. */
    private static Optional<SipSecurity> security(Optional<SecuritySettings> configured) throws ResourceAdapterInternalException {
        if (configured.isEmpty()) {
            LOG.warning("securityDomain is empty: SIP authentication is off, REGISTER and protected routes get 403");
            return Optional.empty();
        }
        SecuritySettings settings = configured.get();
        ElytronUsers users = ElytronUsers.of(settings.securityDomain());
        DigestAuthenticator authenticator = new DigestAuthenticator(settings.realm(), users, settings.auth(),
                System::currentTimeMillis);
        LOG.info(() -> "phones authenticate against " + users + " in digest realm \"" + settings.realm() + '"');
        return Optional.of(new SipSecurity(authenticator, users, settings.registrations(), settings.maxCallsPerUser()));
    }

    /** Each event goes to the applications listening in this JVM, then to the JMS topic. */
    private static MediaEventDispatcher startEvents(MediaEventsConfig config, LocalMediaListeners local, Duration reportEvery,
                                                    WorkManagerExecutor thread) {
        JmsMediaPublisher jms = new JmsMediaPublisher(config);
        LOG.info(() -> "media events go to " + config.topic() + " through " + config.connectionFactory());
        return new MediaEventDispatcher(thread, event -> {
            local.deliver(event);
            jms.publish(event);
        }, jms, reportEvery);
    }

    /** Empty when media events are off. */
    Optional<ListenerRegistration> listenMediaEvents(Consumer<Map<String, Object>> listener) {
        return Optional.ofNullable(localListeners).map(listeners -> listeners.add(listener));
    }

    /**
     * A new RTP stream for the call; with media events on, one that reports them (a failure to open one is reported
     * as MediaFailure OpenFailed, then thrown as before).
     */
    RtpStream openStream(String callId) {
        if (events == null) {
            return media.openStream();
        }
        try {
            return events.track(callId, media.openStream());
        } catch (RuntimeException e) {
            events.offer(MediaEvent.openFailed(callId, e));
            throw e;
        }
    }

    /** The engine's bridge; with media events on, BridgeChanged for both calls now and when it ends. */
    MediaBridge bridge(String callIdA, RtpStream a, String callIdB, RtpStream b) {
        MediaBridge bridge = media.bridge(a, b);
        if (events != null) {
            events.offer(MediaEvent.bridgeChanged(callIdA, callIdB, true));
            events.offer(MediaEvent.bridgeChanged(callIdB, callIdA, true));
            bridge.ended().thenRun(() -> {
                events.offer(MediaEvent.bridgeChanged(callIdA, callIdB, false));
                events.offer(MediaEvent.bridgeChanged(callIdB, callIdA, false));
            });
        }
        return bridge;
    }

    /** The engine's conference room; with media events on, its membership and talking are published too. */
    MediaConference conference(String room, ConferenceListener listener) {
        return media.conference(events == null ? listener : new ConferenceEvents(room, listener, events::offer));
    }

    EngineStats stats() {
        return new EngineStats(sip.stats(), media.portsInUse(), media.openStreams(), router.routedCalls());
    }

    /**
     * SIP first (it ends live calls with SHUTDOWN and waits for its loop), then the pool (drains
     * those end events to the applications, which close their streams), then media, then the
     * media events (publishes the last MediaStopped events, closes its JMS context).
     */
    @Override
    public void close() {
        closeQuietly(sip);
        closeQuietly(pool);
        closeQuietly(media);
        closeQuietly(events);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "failed to close " + closeable, e);
        }
    }
}
