package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.naming.NameNotFoundException;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.rar.api.MediaEventsConfig;

/** The publisher against fake JMS objects: lazy lookups, the message it sends, and what a JMS failure does (and does not). */
class JmsMediaPublisherTest {

    private static final MediaEventsConfig CONFIG = new MediaEventsConfig("java:/jms/topic/sipee/media", "java:/ConnectionFactory");
    private static final Logger LOG = Logger.getLogger(JmsMediaPublisher.class.getName());

    private final List<String> lookups = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final List<Map<String, Object>> sent = new ArrayList<>();
    private final Map<String, Object> bound = new HashMap<>();
    private final Map<Message, Map<String, Object>> messages = new IdentityHashMap<>();
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord record) { logged.add(record); }
        @Override public void flush() { }
        @Override public void close() { }
    };
    private long now;
    private int deliveryMode;
    private boolean sendFails;
    private int contextsClosed;
    private boolean subscribed = true;
    private int audiencesClosed;
    private Topic topic;
    private JmsMediaPublisher publisher;

    @BeforeEach
    void setUp() {
        LOG.addHandler(capture);
        topic = fake(Topic.class, (m, a) -> null);
        publisher = new JmsMediaPublisher(CONFIG, name -> {
            lookups.add(name);
            if (!bound.containsKey(name)) {
                throw new NameNotFoundException(name);
            }
            return bound.get(name);
        }, () -> now, (context, topic, clock) -> new TopicAudience() {
            @Override public boolean present() { return subscribed; }
            @Override public void close() { audiencesClosed++; }
        });
    }

    @AfterEach
    void tearDown() {
        LOG.removeHandler(capture);
    }

    @Test
    void looksUpAtTheFirstEventAndSendsItsPropertiesNonPersistent() {
        bind();
        assertEquals(List.of(), lookups, "nothing before the first event");
        publisher.publish(MediaEvent.timedOut("c1", 20000, Duration.ofSeconds(60)));
        publisher.publish(MediaEvent.timedOut("c2", 20002, Duration.ofSeconds(60)));
        assertEquals(List.of("java:/ConnectionFactory", "java:/jms/topic/sipee/media"), lookups, "once");
        assertEquals(2, sent.size());
        assertEquals("MediaFailure", sent.get(0).get("sipeeEvent"));
        assertEquals("c2", sent.get(1).get("callId"));
        assertEquals(60L, sent.get(1).get("timeoutSeconds"));
        assertEquals(DeliveryMode.NON_PERSISTENT, deliveryMode);
    }

    @Test
    void missingTopicIsLoggedOnceNamingTheSettingAndRetriedLater() {
        bound.put("java:/ConnectionFactory", factory());
        publisher.publish(event());
        publisher.publish(event());
        assertEquals(1, logged.size(), "one error per outage");
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().contains("config-property mediaEventsTopic: 'java:/jms/topic/sipee/media' is not bound"),
                logged.get(0).getMessage());
        assertEquals(2, lookups.size(), "no second attempt before the retry time");
        assertEquals(2, publisher.dropped());

        bind();
        now += JmsMediaPublisher.RETRY_NANOS;
        publisher.publish(event());
        assertEquals(1, sent.size(), "published once the topic is there");
        assertTrue(logged.get(1).getMessage().contains("published again"), logged.get(1).getMessage());
    }

    @Test
    void failedSendClosesTheContextAndReconnectsAfterTheRetryTime() {
        bind();
        sendFails = true;
        publisher.publish(event());
        assertEquals(1, contextsClosed);
        assertTrue(logged.get(0).getMessage().contains("mediaEventsTopic"), logged.get(0).getMessage());
        sendFails = false;
        publisher.publish(event());
        assertEquals(0, sent.size(), "dropped until the retry time");
        now += JmsMediaPublisher.RETRY_NANOS;
        publisher.publish(event());
        assertEquals(1, sent.size());
        publisher.close();
        assertEquals(2, contextsClosed);
    }

    @Test
    void nothingIsSentWhileTheTopicHasNoSubscription() {
        bind();
        subscribed = false;
        publisher.publish(event());
        assertEquals(0, sent.size());
        assertEquals(0, publisher.dropped(), "not a failure: nobody would have received it");
        subscribed = true;
        publisher.publish(event());
        assertEquals(1, sent.size());
        publisher.close();
        assertEquals(1, audiencesClosed, "with the context");
    }

    private static MediaEvent event() {
        return MediaEvent.timedOut("c1", 20000, Duration.ofSeconds(60));
    }

    private void bind() {
        bound.put("java:/ConnectionFactory", factory());
        bound.put("java:/jms/topic/sipee/media", topic);
    }

    /** A ConnectionFactory whose contexts make messages that keep their properties, and a producer that keeps them. */
    private ConnectionFactory factory() {
        return fake(ConnectionFactory.class, (m, a) -> m.equals("createContext") ? context() : null);
    }

    private JMSContext context() {
        return fake(JMSContext.class, (m, a) -> switch (m) {
            case "createMessage" -> message();
            case "createProducer" -> producer();
            case "close" -> {
                contextsClosed++;
                yield null;
            }
            default -> null;
        });
    }

    private Message message() {
        Map<String, Object> properties = new HashMap<>();
        Message message = fake(Message.class, (m, a) -> m.equals("setObjectProperty") ? properties.put((String) a[0], a[1]) : null);
        messages.put(message, properties);
        return message;
    }

    private JMSProducer producer() {
        JMSProducer[] self = new JMSProducer[1];
        self[0] = fake(JMSProducer.class, (m, a) -> {
            if (m.equals("setDeliveryMode")) {
                deliveryMode = (Integer) a[0];
            } else if (m.equals("send")) {
                if (sendFails) {
                    throw new JMSRuntimeException("broker gone");
                }
                assertEquals(topic, a[0]);
                sent.add(messages.get(a[1]));
            }
            return self[0];
        });
        return self[0];
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    /** A proxy of a JMS interface; equals is identity (the identity map of messages needs it). */
    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> answer.answer(method.getName(), args);
        }));
    }
}
