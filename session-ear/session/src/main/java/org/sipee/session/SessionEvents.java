package org.sipee.session;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes one call's events (CDI events in the server) on the call's executor, which keeps them in the order they
 * happened: never under the session's locks, never on a network thread. An observer that throws is logged; the
 * next event still goes out.
 */
final class SessionEvents {

    private static final Logger LOG = Logger.getLogger(SessionEvents.class.getName());

    /** For sessions nobody observes (unit tests). */
    static final Consumer<Object> NOBODY = event -> { };

    private final Consumer<Object> publisher;
    private final Executor executor;

    SessionEvents(Consumer<Object> publisher, Executor executor) {
        this.publisher = publisher;
        this.executor = executor;
    }

    void publish(Object event) {
        executor.execute(() -> {
            try {
                publisher.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an observer of " + event + " failed", e);
            }
        });
    }
}
