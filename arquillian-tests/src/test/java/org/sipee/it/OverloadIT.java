package org.sipee.it;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.SessionRegistry;
import org.sipee.sip.overload.ShedReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo on an adapter whose RTP range holds two calls: the third caller gets 503 with Retry-After (not 500), the
 * two calls already up keep hearing their tone and end cleanly, and once one has ended a new call is served.
 */
@ExtendWith(ArquillianExtension.class)
class OverloadIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** A 503'd INVITE's transaction lives until Timer I (T4) after its ACK. */
    static final Duration CLEANUP = Duration.ofSeconds(15);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.rarWith(TestDeployments.TEST_SIP_PORT, 50, Map.of(
                "rtpPortMin", Integer.toString(TestDeployments.TEST_RTP_MIN),
                "rtpPortMax", Integer.toString(TestDeployments.TEST_RTP_MIN + 3),
                "overloadRetryAfterSeconds", "7"));
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("overload", OverloadIT.class, EngineProbe.class);
    }

    @Inject
    SessionRegistry registry;

    @Test
    @OperateOnDeployment("demo")
    void aFullPortRangeGets503WithRetryAfterAndTheCallsUpGoOn() throws Exception {
        try (SipPhone first = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone second = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone third = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            answered(first);
            answered(second);
            long refusedBefore = EngineProbe.stats().sip().refused().get(ShedReason.MEDIA_PORTS);

            third.invite("service", third.pcmuOffer());
            SipResponse refused = third.expectFinal(1, "INVITE", WAIT);
            assertEquals(503, refused.status(), refused.toString());
            int retryAfter = Integer.parseInt(refused.header("Retry-After"));
            assertTrue(retryAfter >= 7 && retryAfter <= 14, "Retry-After 7 plus up to 7 at random: " + retryAfter);
            third.ack(refused);
            assertEquals(refusedBefore + 1, EngineProbe.stats().sip().refused().get(ShedReason.MEDIA_PORTS));

            assertEquals(25, first.receiveRtp(25, 0, WAIT), "the first call still hears its tone");
            assertEquals(25, second.receiveRtp(25, 0, WAIT), "the second call still hears its tone");
            first.bye();
            first.expect(200, "BYE", WAIT);
            Poll.until("the first call's ports free again", () -> EngineProbe.stats().rtpPortsInUse() == 2,
                    () -> EngineProbe.stats().toString(), WAIT);
            try (SipPhone again = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
                answered(again);
                again.bye();
                again.expect(200, "BYE", WAIT);
            }
            second.bye();
            second.expect(200, "BYE", WAIT);
        }
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    private static void answered(SipPhone phone) throws Exception {
        phone.invite("service", phone.pcmuOffer());
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        phone.ack(ok);
        assertEquals(10, phone.receiveRtp(10, 0, WAIT), "the demo's tone");
    }
}
