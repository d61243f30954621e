package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.SessionRegistry;

/**
 * Real calls over loopback into the deployed adapter and a CDI handler application:
 * answer + RTP + BYE, CANCEL, a 488 for an SDP we cannot answer, a failing handler.
 */
@ExtendWith(ArquillianExtension.class)
class CallFlowIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(TestDeployments.TEST_ANSWER_TIMEOUT_SECONDS);
    static final Duration CLEANUP = Duration.ofSeconds(10);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("call-flow", CallFlowIT.class, EngineProbe.class, Registrar.class);
    }

    @Inject
    TestHandlers handlers;

    @Inject
    SessionRegistry registry;

    SipPhone phone;

    @BeforeEach
    void phone() throws Exception {
        phone = new SipPhone(TestDeployments.TEST_SIP_PORT);
    }

    @AfterEach
    void hangUp() {
        phone.close();
    }

    @Test
    @OperateOnDeployment("app")
    void answeredCallPlaysToneAndByeCleansUp() throws Exception {
        String callId = phone.invite("answer", phone.pcmuOffer());
        phone.expect(100, "INVITE", WAIT);
        phone.expect(180, "INVITE", WAIT);
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        assertTrue(handlers.sawInvite(callId), "@Invite handler ran");
        assertValidPcmuAnswer(ok);
        phone.ack(ok);

        short[] heard = phone.receiveAudio(25, 0, WAIT);
        assertEquals(25 * 160, heard.length, "25 RTP packets of 160 PCMU samples with PT 0 at the caller");
        Tones.assertDominant(heard, 440, 25, "the caller hears the demo's 440 Hz tone");

        phone.bye();
        phone.expect(200, "BYE", WAIT);
        Poll.until("@Bye handler", () -> handlers.sawBye(callId), WAIT);
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("app")
    void dynamicPayloadTypeIsKeptInAnswerAndRtp() throws Exception {
        phone.invite("answer", phone.dynamicPcmuOffer());
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        assertTrue(ok.body().contains("m=audio ") && ok.body().matches("(?s).*RTP/AVP 96\\r?\\n.*"), ok.body());
        assertTrue(ok.body().contains("a=rtpmap:96 PCMU/8000"), ok.body());
        phone.ack(ok);
        int rtp = phone.receiveRtp(11, 96, WAIT);
        assertTrue(rtp > 10, "RTP packets with PT 96 at the caller: " + rtp);
        phone.bye();
        phone.expect(200, "BYE", WAIT);
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("app")
    void cancelBeforeAnswer() throws Exception {
        String callId = phone.invite("ring", phone.pcmuOffer());
        phone.expect(180, "INVITE", WAIT);
        phone.cancel();
        phone.expect(200, "CANCEL", WAIT);
        phone.ack(phone.expect(487, "INVITE", WAIT));
        Poll.until("@Cancel handler", () -> handlers.sawCancel(callId), WAIT);
        assertCleanedUp();
    }

    @Inject
    Registrar registrar;

    /** @Register and @Options handlers answer requests outside any call; what they leave gets the default. */
    @Test
    @OperateOnDeployment("app")
    void registerAndOptionsReachTheirHandlers() throws Exception {
        phone.outOfDialog("REGISTER", "alice");
        SipResponse registered = phone.expect(200, "REGISTER", WAIT);
        assertTrue(registered.header("Contact").endsWith(";expires=600"), registered.header("Contact"));
        assertEquals(1, registrar.bindings().size());
        phone.outOfDialog("REGISTER", "mallory");
        phone.expect(404, "REGISTER", WAIT);
        phone.outOfDialog("OPTIONS", "maintenance");
        assertEquals("120", phone.expect(503, "OPTIONS", WAIT).header("Retry-After"));
        phone.outOfDialog("OPTIONS", "anyone");
        assertTrue(phone.expect(200, "OPTIONS", WAIT).header("Allow").contains("INVITE"), "the default: our capabilities");
        assertCleanedUp();
    }

    /** The test adapter's answerTimeoutSeconds is 5: a call left ringing gets the default answerTimeoutStatus. */
    @Test
    @OperateOnDeployment("app")
    void callLeftUndecidedIsRefused480() throws Exception {
        phone.invite("ring", phone.pcmuOffer());
        phone.expect(180, "INVITE", WAIT);
        SipResponse refused = phone.expect(480, "INVITE", ANSWER_TIMEOUT.plus(WAIT));
        assertEquals("Temporarily Unavailable", refused.reason());
        phone.ack(refused);
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("app")
    void redirectSendsThe3xxWithItsContacts() throws Exception {
        phone.invite("moved", phone.pcmuOffer());
        SipResponse moved = phone.expect(302, "INVITE", WAIT);
        assertEquals("<sip:desk@192.0.2.7>, <sip:mobile@192.0.2.8>;q=0.5", moved.header("Contact"));
        phone.ack(moved);
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("app")
    void offerWithoutCommonCodecGets488WithWarning() throws Exception {
        phone.invite("answer", phone.gsmOnlyOffer());
        SipResponse notAcceptable = phone.expect(488, "INVITE", WAIT);
        phone.ack(notAcceptable);
        String warning = notAcceptable.header("Warning");
        assertNotNull(warning, "488 carries a Warning header");
        assertTrue(warning.matches("3\\d\\d sipee \".*\""), warning);
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("app")
    void failingHandlerGets500() throws Exception {
        phone.invite("boom", phone.pcmuOffer());
        phone.ack(phone.expect(500, "INVITE", WAIT));
        assertCleanedUp();
    }

    private static void assertValidPcmuAnswer(SipResponse ok) {
        assertTrue(ok.header("Content-Type").startsWith("application/sdp"), ok.header("Content-Type"));
        String sdp = ok.body();
        Matcher media = Pattern.compile("(?m)^m=audio (\\d+) RTP/AVP ([\\d ]+)\\r?$").matcher(sdp);
        assertTrue(media.find(), "m=audio line in\n" + sdp);
        assertTrue(Integer.parseInt(media.group(1)) >= TestDeployments.TEST_RTP_MIN, sdp);
        assertEquals("0", media.group(2).trim().split(" ")[0], "PCMU first: " + sdp);
        assertTrue(sdp.matches("(?s).*\\r?\\nc=IN IP4 \\d+\\.\\d+\\.\\d+\\.\\d+\\r?\\n.*"), "c= line in\n" + sdp);
    }

    private void assertCleanedUp() {
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }
}
