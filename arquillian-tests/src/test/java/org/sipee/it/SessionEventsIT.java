package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session's CDI events and @Dtmf handlers, as an application sees them for real calls over loopback. */
@ExtendWith(ArquillianExtension.class)
class SessionEventsIT {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("session-events", SessionEventsIT.class, SessionEventLog.class, DtmfLog.class,
                DtmfPackets.class, ToneTalker.class);
    }

    @Inject
    SessionEventLog log;

    @Inject
    DtmfLog dtmf;

    @Test
    @OperateOnDeployment("app")
    void answeredCallEndedByTheCallerPublishesEveryTransitionInOrder() throws Exception {
        String callId;
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            callId = phone.invite("answer", phone.pcmuOffer());
            phone.ack(phone.expect(200, "INVITE", WAIT));
            phone.receiveRtp(5, 0, WAIT); // connected: the handler's tone arrives
            phone.bye();
            phone.expect(200, "BYE", WAIT);
        }
        List<String> expected = List.of(
                "created sip:answer@127.0.0.1:" + TestDeployments.TEST_SIP_PORT,
                "state Initializing -> Ringing",
                "media None -> Negotiating",
                "media Negotiating -> Configured",
                "state Ringing -> Connected",
                "media Configured -> Active",
                "state Connected -> Terminating",
                "media Active -> None",
                "state Terminating -> Terminated",
                "terminated REMOTE_BYE");
        Poll.until("the terminated event", () -> log.of(callId).size() >= expected.size(), () -> log.of(callId).toString(), WAIT);
        assertEquals(expected, log.of(callId));
    }

    @Test
    @OperateOnDeployment("app")
    void cancelledCallHasNoMediaEvents() throws Exception {
        String callId;
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            callId = phone.invite("nobody", phone.gsmOnlyOffer());
            phone.expect(180, "INVITE", WAIT);
            phone.cancel();
            phone.expect(487, "INVITE", WAIT);
        }
        List<String> expected = List.of(
                "created sip:nobody@127.0.0.1:" + TestDeployments.TEST_SIP_PORT,
                "state Initializing -> Ringing",
                "state Ringing -> Terminating",
                "state Terminating -> Terminated",
                "terminated CANCELLED");
        Poll.until("the terminated event", () -> log.of(callId).size() >= expected.size(), () -> log.of(callId).toString(), WAIT);
        assertEquals(expected, log.of(callId));
    }

    @Test
    @OperateOnDeployment("app")
    void dtmfHandlerHearsTheKeysTheCallerPresses() throws Exception {
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            String callId = phone.invite("answer", phone.pcmuOffer());
            SipResponse ok = phone.expect(200, "INVITE", WAIT);
            phone.ack(ok);
            DtmfPackets keypad = new DtmfPackets();
            for (char key : "4#2".toCharArray()) {
                keypad.press(phone, ToneTalker.mediaAddress(ok.body()), key);
            }
            Poll.until("three digits at the @Dtmf handler", () -> dtmf.of(callId).size() >= 3, () -> dtmf.of(callId).toString(), WAIT);
            assertEquals(List.of('4', '#', '2'), dtmf.of(callId), "each digit once, in order");
            phone.bye();
            phone.expect(200, "BYE", WAIT);
        }
    }
}
