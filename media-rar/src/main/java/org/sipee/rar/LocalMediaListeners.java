package org.sipee.rar;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.sipee.rar.api.ListenerRegistration;

/**
 * Applications in this JVM that take the media events directly (the session layer): each event reaches them on the
 * dispatcher's thread before it goes to JMS, without a broker's threads in between.
 */
final class LocalMediaListeners {

    private static final Logger LOG = Logger.getLogger(LocalMediaListeners.class.getName());

    private final CopyOnWriteArrayList<AppRegistration<Consumer<Map<String, Object>>>> listeners = new CopyOnWriteArrayList<>();

    ListenerRegistration add(Consumer<Map<String, Object>> listener) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        AppRegistration<Consumer<Map<String, Object>>> registration = new AppRegistration<>(listener, tccl, listeners::remove);
        listeners.add(registration);
        return registration;
    }

    /** Runs on the dispatcher's thread; a listener's failure is logged and stops no other. */
    void deliver(MediaEvent event) {
        Map<String, Object> properties = Collections.unmodifiableMap(event.properties());
        for (AppRegistration<Consumer<Map<String, Object>>> registration : listeners) {
            try {
                registration.deliver(listener -> listener.accept(properties));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a media event listener failed on " + event.type() + " of " + event.callId(), e);
            }
        }
    }
}
