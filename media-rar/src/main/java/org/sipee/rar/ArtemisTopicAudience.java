package org.sipee.rar;

import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSContext;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;

/**
 * The topic's audience on the server's own broker (Artemis): the number of queues bound to the topic's address (one
 * per subscription), asked again whenever the broker notifies that a binding of that address was added or removed,
 * and at the latest every {@link #REQUERY_NANOS} in case notifications go elsewhere.
 */
final class ArtemisTopicAudience implements TopicAudience {

    private static final Logger LOG = Logger.getLogger(ArtemisTopicAudience.class.getName());
    /** The broker's default management-notification-address. */
    static final String NOTIFICATIONS = "activemq.notifications";
    static final long REQUERY_NANOS = 5_000_000_000L;

    private final ClientSession publisherSession;
    private final ClientSession watcher;
    private final SimpleString address;
    private final LongSupplier clock;
    private volatile boolean stale = true;
    private boolean present;
    private long askedAt;

    private ArtemisTopicAudience(ClientSession publisherSession, ClientSession watcher, SimpleString address, LongSupplier clock) {
        this.publisherSession = publisherSession;
        this.watcher = watcher;
        this.address = address;
        this.clock = clock;
    }

    /** The audience of {@code topic} as seen through the publisher's context; everyone when that is not Artemis. */
    static TopicAudience of(JMSContext publisher, Topic topic, LongSupplier clock) {
        if (!(publisher instanceof ActiveMQJMSContext context) || !(topic instanceof ActiveMQTopic artemisTopic)
                || !(context.getSession() instanceof ActiveMQSession session)) {
            LOG.info("the media events topic is not on the server's Artemis broker: every event is sent, subscribed or not");
            return EVERYONE;
        }
        ClientSession core = session.getCoreSession();
        SimpleString address = artemisTopic.getSimpleAddress();
        ClientSession watcher = null;
        try {
            watcher = core.getSessionFactory().createSession();
            ArtemisTopicAudience audience = new ArtemisTopicAudience(core, watcher, address, clock);
            SimpleString queue = SimpleString.of("sipee.audience." + UUID.randomUUID());
            watcher.createQueue(QueueConfiguration.of(queue).setAddress(NOTIFICATIONS).setRoutingType(RoutingType.MULTICAST)
                    .setDurable(false).setTemporary(true)
                    .setFilterString("_AMQ_NotifType IN ('BINDING_ADDED', 'BINDING_REMOVED') AND _AMQ_Address = '" + address + "'"));
            watcher.createConsumer(queue).setMessageHandler(notification -> audience.stale = true);
            watcher.start();
            return audience;
        } catch (ActiveMQException | JMSRuntimeException e) {
            LOG.log(Level.INFO, "cannot watch the subscriptions of " + address + " (" + e.getMessage()
                    + "): every media event is sent", e);
            closeQuietly(watcher);
            return EVERYONE;
        }
    }

    @Override
    public boolean present() {
        long now = clock.getAsLong();
        if (stale || now - askedAt >= REQUERY_NANOS) {
            stale = false; // before asking: a notification during the query asks again next time
            askedAt = now;
            present = ask();
        }
        return present;
    }

    private boolean ask() {
        try {
            return !publisherSession.addressQuery(address).getQueueNames().isEmpty();
        } catch (ActiveMQException e) {
            LOG.log(Level.FINE, "cannot ask the broker about " + address + ": the event is sent", e);
            return true;
        }
    }

    @Override
    public void close() {
        closeQuietly(watcher);
    }

    private static void closeQuietly(ClientSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (ActiveMQException e) {
            LOG.log(Level.FINE, "closing the media events audience watcher failed", e);
        }
    }
}
