package org.sipee.rar;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import org.sipee.rar.api.MediaEventsConfig;

/**
 * Sends media events to the topic, on the dispatcher's thread only (a JMSContext is single-threaded). The topic and
 * connection factory are looked up at the first event, not at adapter start (the topic may be deployed later). When
 * JMS fails (name not bound, broker down) the error is logged once, naming the config-property, and events are
 * dropped for a while before the next attempt: calls never wait for or fail because of JMS. While the topic has no
 * subscription ({@link TopicAudience}) events are not sent at all.
 */
final class JmsMediaPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JmsMediaPublisher.class.getName());
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** JNDI, replaceable in tests. */
    interface Lookup {
        Object lookup(String name) throws NamingException;
    }

    /** Who subscribes to the topic, seen through the publisher's context; replaceable in tests. */
    interface Audiences {
        TopicAudience of(JMSContext context, Topic topic, LongSupplier clock);
    }

    private final MediaEventsConfig config;
    private final Lookup jndi;
    private final LongSupplier clock;
    private final Audiences audiences;
    private JMSContext context;
    private TopicAudience audience = TopicAudience.EVERYONE;
    private JMSProducer producer;
    private Topic topic;
    private boolean failing;
    private long retryAt;
    private long dropped;

    JmsMediaPublisher(MediaEventsConfig config) {
        this(config, name -> new InitialContext().lookup(name), System::nanoTime, ArtemisTopicAudience::of);
    }

    JmsMediaPublisher(MediaEventsConfig config, Lookup jndi, LongSupplier clock, Audiences audiences) {
        this.config = config;
        this.jndi = jndi;
        this.clock = clock;
        this.audiences = audiences;
    }

    void publish(MediaEvent event) {
        if (context == null && !connect()) {
            dropped++;
            return;
        }
        try {
            if (!audience.present()) {
                return; // nobody would receive it
            }
            Message message = context.createMessage();
            for (Map.Entry<String, Object> p : event.properties().entrySet()) {
                message.setObjectProperty(p.getKey(), p.getValue());
            }
            producer.send(topic, message);
        } catch (JMSException | JMSRuntimeException e) {
            dropped++;
            fail("cannot publish media events to " + config.topic() + " (config-property mediaEventsTopic): " + e, e);
            closeContext();
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("media events published again to " + config.topic() + " after dropping " + dropped);
            dropped = 0;
        }
    }

    /** Looks the names up and opens the context; false (logged) when JMS cannot be reached now. */
    private boolean connect() {
        if (failing && clock.getAsLong() - retryAt < 0) {
            return false;
        }
        ConnectionFactory factory;
        try {
            factory = lookup(config.connectionFactory(), "mediaEventsConnectionFactory", ConnectionFactory.class);
            topic = lookup(config.topic(), "mediaEventsTopic", Topic.class);
        } catch (IllegalStateException e) {
            fail(e.getMessage(), null);
            return false;
        }
        try {
            context = factory.createContext();
            producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            audience = audiences.of(context, topic, clock);
            return true;
        } catch (JMSRuntimeException e) {
            fail("cannot connect to JMS with " + config.connectionFactory()
                    + " (config-property mediaEventsConnectionFactory): " + e, e);
            closeContext();
            return false;
        }
    }

    private <T> T lookup(String name, String property, Class<T> type) {
        Object found;
        try {
            found = jndi.lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("media-rar: config-property " + property + ": '" + name
                    + "' is not bound in JNDI (" + e.getMessage() + "); media events are dropped until it is", e);
        }
        if (!type.isInstance(found)) {
            throw new IllegalStateException("media-rar: config-property " + property + ": '" + name + "' is a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a " + type.getSimpleName());
        }
        return type.cast(found);
    }

    /** The first failure of an outage is logged; the next attempt waits RETRY_NANOS. */
    private void fail(String message, Exception cause) {
        if (!failing) {
            LOG.log(Level.SEVERE, message + "; retrying every " + TimeUnit.NANOSECONDS.toSeconds(RETRY_NANOS) + " s", cause);
        }
        failing = true;
        retryAt = clock.getAsLong() + RETRY_NANOS;
    }

    private void closeContext() {
        JMSContext open = context;
        context = null;
        producer = null;
        audience.close();
        audience = TopicAudience.EVERYONE;
        if (open != null) {
            try {
                open.close();
            } catch (JMSRuntimeException e) {
                LOG.log(Level.FINE, "closing the media events JMS context failed", e);
            }
        }
    }

    /** Events dropped since the last successful publish (for the log and tests). */
    long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        closeContext();
    }
}
