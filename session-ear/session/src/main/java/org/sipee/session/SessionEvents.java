package org.sipee.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes one call's events (CDI events in the server) in the order they happened, on the call's executor: never
 * under the session's locks, and never on a network thread. An observer that throws is logged; the next event
 * still goes out.
 */
final class SessionEvents {

    private static final Logger LOG = Logger.getLogger(SessionEvents.class.getName());

    /** For sessions nobody observes (unit tests). */
    static final Consumer<Object> NOBODY = event -> { };

    private final Consumer<Object> publisher;
    private final Executor executor;
    private final Queue<Object> pending = new ArrayDeque<>();
    private boolean draining;

    SessionEvents(Consumer<Object> publisher, Executor executor) {
        this.publisher = publisher;
        this.executor = executor;
    }

    void publish(Object event) {
        synchronized (this) {
            pending.add(event);
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Object event;
            synchronized (this) {
                event = pending.poll();
                if (event == null) {
                    draining = false;
                    return;
                }
            }
            try {
                publisher.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an observer of " + event + " failed", e);
            }
        }
    }
}
