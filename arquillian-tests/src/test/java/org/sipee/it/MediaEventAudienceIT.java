package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import javax.naming.InitialContext;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.SessionRegistry;

/**
 * The adapter sends no media event while the topic has no subscription; a subscriber that appears later gets the
 * very next call's events (the broker's binding notification, not the adapter's periodic re-check 5 s later).
 */
@ExtendWith(ArquillianExtension.class)
class MediaEventAudienceIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("media-audience", MediaEventAudienceIT.class, EngineProbe.class);
    }

    @Inject
    SessionRegistry registry;

    @Test
    @OperateOnDeployment("app")
    void aSubscriberThatAppearsLaterHearsTheNextCallAtOnce() throws Exception {
        long start = System.nanoTime();
        call(); // nobody subscribes: the adapter connects to JMS, finds no subscription, sends nothing
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("java:/ConnectionFactory");
        Topic topic = (Topic) jndi.lookup("java:/jms/topic/sipee/media");
        try (JMSContext context = factory.createContext()) {
            JMSConsumer subscriber = context.createConsumer(topic);
            String callId = call();
            Message stopped = null;
            while (stopped == null) {
                Message message = subscriber.receive(WAIT.toMillis());
                assertNotNull(message, "no MediaStopped of " + callId + " for the new subscriber");
                if (callId.equals(message.getStringProperty("callId")) && "MediaStopped".equals(message.getStringProperty("sipeeEvent"))) {
                    stopped = message;
                }
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(),
                    "both calls within the adapter's 5 s re-check: the subscription itself made it send again");
            assertEquals(callId, stopped.getStringProperty("callId"));
        }
        EngineProbe.assertNothingLeft(registry, WAIT);
    }

    /** An answered call, hung up at once; its Call-ID. */
    private static String call() throws Exception {
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            String callId = phone.invite("answer", phone.pcmuOffer());
            phone.ack(phone.expect(200, "INVITE", WAIT));
            phone.bye();
            phone.expect(200, "BYE", WAIT);
            return callId;
        }
    }
}
