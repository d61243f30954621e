package org.sipee.session;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;

import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;

/**
 * Takes the adapter's media events (when the adapter reports them) in this JVM and applies them to this application's
 * sessions ({@link SessionMediaEvents}): directly from the adapter's media-event thread, not through the JMS topic,
 * whose broker threads cost more per call than the session's work with the event. The topic still carries every
 * event for other consumers. The registration ends when the application stops.
 */
@ApplicationScoped
public class MediaEventConsumer {

    private static final Logger LOG = Logger.getLogger(MediaEventConsumer.class.getName());

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory connectionFactory;

    @Inject
    SessionRegistry registry;

    private ListenerRegistration registration;

    /** Fired once per module of the deployment: starting is idempotent. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) throws ResourceException {
        start();
    }

    synchronized void start() throws ResourceException {
        if (registration != null) {
            return;
        }
        SessionMediaEvents events = new SessionMediaEvents(registry);
        Optional<ListenerRegistration> listening;
        try (SipConnection connection = connectionFactory.getConnection()) {
            listening = connection.listenMediaEvents(properties -> events.apply(properties::get));
        }
        if (listening.isEmpty()) {
            LOG.info("the SIP adapter reports no media events (its mediaEventsTopic is empty): sessions get no quality reports");
            return;
        }
        registration = listening.get();
        LOG.info("sipee sessions take the SIP adapter's media events");
    }

    @PreDestroy
    synchronized void stop() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
