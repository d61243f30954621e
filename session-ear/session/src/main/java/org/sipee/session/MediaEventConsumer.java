package org.sipee.session;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;

import org.sipee.rar.api.MediaEventsConfig;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;

/**
 * Subscribes this application to the adapter's media events (when the adapter publishes them) and applies them to its
 * sessions ({@link SessionMediaEvents}). The session layer is a library in the application, where no MDB can live:
 * it receives on a thread of the server's ManagedThreadFactory, started with the application and stopped (its JMS
 * context closed, the thread joined) when the application stops.
 */
@ApplicationScoped
public class MediaEventConsumer {

    private static final Logger LOG = Logger.getLogger(MediaEventConsumer.class.getName());

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory connectionFactory;

    /** The server's default ManagedThreadFactory by its global name: a bean of an EAR's lib has no java:comp. */
    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    @Inject
    SessionRegistry registry;

    private MediaEventReceiver receiver;
    private Thread thread;

    /** Fired once per module of the deployment: starting is idempotent. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) throws ResourceException {
        start();
    }

    synchronized void start() throws ResourceException {
        if (thread != null) {
            return;
        }
        Optional<MediaEventsConfig> config;
        try (SipConnection connection = connectionFactory.getConnection()) {
            config = connection.mediaEvents();
        }
        if (config.isEmpty()) {
            LOG.info("the SIP adapter publishes no media events (its mediaEventsTopic is empty): sessions get no quality reports");
            return;
        }
        receiver = new MediaEventReceiver(config.get(), SessionMediaEvents.SELECTOR, new SessionMediaEvents(registry)::apply);
        thread = threads.newThread(receiver);
        thread.setName("sipee-session-media-events");
        thread.start();
    }

    @PreDestroy
    synchronized void stop() {
        if (thread == null) {
            return;
        }
        receiver.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning("the media event receiver did not end within 10 s of the application stopping");
        }
        thread = null;
    }
}
