package org.sipee.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import org.sipee.rar.api.MediaEventsConfig;

/**
 * The receive loop of the media event topic, on a managed thread: a non-durable subscription with the session's
 * selector, each message's properties handed on. When the topic or broker is unavailable it logs once and tries
 * again every few seconds; calls go on without media events meanwhile. stop() ends it promptly (closing the context
 * ends a receive in progress).
 */
final class MediaEventReceiver implements Runnable {

    private static final Logger LOG = Logger.getLogger(MediaEventReceiver.class.getName());
    private static final long RECEIVE_MILLIS = 1000;
    private static final long RETRY_SECONDS = 5;

    private final MediaEventsConfig config;
    private final String selector;
    private final Consumer<Function<String, Object>> handler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile JMSContext context;

    MediaEventReceiver(MediaEventsConfig config, String selector, Consumer<Function<String, Object>> handler) {
        this.config = config;
        this.selector = selector;
        this.handler = handler;
    }

    @Override
    public void run() {
        boolean failing = false;
        while (!isStopped()) {
            try {
                receive(lookup(config.connectionFactory(), ConnectionFactory.class), lookup(config.topic(), Topic.class));
            } catch (NamingException | JMSRuntimeException | ClassCastException e) {
                if (!failing && !isStopped()) {
                    LOG.log(Level.SEVERE, "sipee sessions cannot receive media events from " + config.topic() + " through "
                            + config.connectionFactory() + " (the adapter's mediaEventsTopic, mediaEventsConnectionFactory): "
                            + e + "; retrying every " + RETRY_SECONDS + " s", e);
                    failing = true;
                }
            }
            await(RETRY_SECONDS);
        }
    }

    private void receive(ConnectionFactory factory, Topic topic) {
        try (JMSContext opened = factory.createContext()) {
            context = opened;
            if (isStopped()) {
                return; // stop() ran before the context was visible to it
            }
            JMSConsumer consumer = opened.createConsumer(topic, selector);
            LOG.info(() -> "sipee sessions receive media events from " + config.topic());
            while (!isStopped()) {
                Message message = consumer.receive(RECEIVE_MILLIS);
                if (message != null) {
                    handle(message);
                }
            }
        } finally {
            context = null;
        }
    }

    /** One bad message or failing handler must not end the subscription. */
    private void handle(Message message) {
        try {
            handler.accept(name -> property(message, name));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a media event could not be applied: " + message, e);
        }
    }

    private static Object property(Message message, String name) {
        try {
            return message.getObjectProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read property " + name + " of a media event", e);
        }
    }

    private static <T> T lookup(String name, Class<T> type) throws NamingException {
        return type.cast(new InitialContext().lookup(name));
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Waits before the next attempt; stop() ends the wait. */
    private void await(long seconds) {
        try {
            stopped.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    void stop() {
        stopped.countDown();
        JMSContext open = context;
        if (open != null) {
            try {
                open.close();
            } catch (JMSRuntimeException e) {
                LOG.log(Level.FINE, "closing the media event context", e);
            }
        }
    }
}
