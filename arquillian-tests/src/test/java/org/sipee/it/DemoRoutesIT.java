package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.IncomingCall;
import org.sipee.session.MediaState;
import org.sipee.session.SessionRegistry;
import org.sipee.session.SessionState;

/**
 * The demo application as shipped (sipee-demo.ear, its ToneAnswerer routes) with this test added as a war:
 * sip:early@ plays the tone as early media, sip:busy@ is rejected 486, sip:echo@ sends the caller's voice back. A caller over loopback UDP checks the
 * wire and the audio; afterwards nothing of the call may be left.
 */
@ExtendWith(ArquillianExtension.class)
class DemoRoutesIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration CLEANUP = Duration.ofSeconds(10);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("demo-routes", DemoRoutesIT.class, EngineProbe.class, ToneTalker.class);
    }

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
    @OperateOnDeployment("demo")
    void earlyRouteSends183WithSdpAndTheToneBeforeTheCallIsConfirmed() throws Exception {
        String callId = phone.invite("early", phone.pcmuOffer());
        phone.expect(100, "INVITE", WAIT);
        SipResponse progress = phone.expect(183, "INVITE", WAIT);
        assertEquals("Session Progress", progress.reason());
        assertTrue(progress.header("Content-Type").startsWith("application/sdp"), progress.header("Content-Type"));
        assertTrue(progress.body().matches("(?s).*\\r?\\nm=audio [1-9]\\d* RTP/AVP 0 101\\r?\\n.*"), progress.body());
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        assertEquals(progress.body(), ok.body(), "the 200 repeats the answer of the 183");
        assertEquals(progress.to(), ok.to(), "183 and 200 in one dialog (same To tag)");

        // not ACKed yet: the normal route would start its tone only now; early media has been playing since the 183
        IncomingCall session = registry.find(callId).orElseThrow();
        assertEquals(SessionState.Ringing, session.state());
        assertEquals(MediaState.Configured, session.mediaState());
        assertHears440Hz(phone.receiveAudio(25, 0, WAIT));

        phone.ack(ok);
        Poll.until("the ACK to confirm the call", () -> session.state() == SessionState.Connected
                && session.mediaState() == MediaState.Active, () -> session.state() + "/" + session.mediaState(), WAIT);
        assertHears440Hz(phone.receiveAudio(10, 0, WAIT));

        phone.bye();
        phone.expect(200, "BYE", WAIT);
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void busyRouteIsRejected486() throws Exception {
        phone.invite("busy", phone.pcmuOffer());
        phone.expect(100, "INVITE", WAIT);
        SipResponse busy = phone.expect(486, "INVITE", WAIT);
        assertEquals("Busy Here", busy.reason());
        assertTrue(busy.to().contains("tag="), "a final response carries our To tag: " + busy.to());
        phone.ack(busy);
        assertEquals(0, phone.receiveRtp(1, 0, Duration.ofMillis(200)), "no media for a rejected call");
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void echoRouteSendsTheCallersVoiceBack() throws Exception {
        phone.invite("echo", phone.pcmuOffer());
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        phone.ack(ok);
        try (ToneTalker talking = new ToneTalker(phone, ok.body(), 1000)) {
            phone.drainRtp(Duration.ofMillis(200)); // the jitter buffer's first frames: concealment, not yet the echo
            Tones.assertDominant(phone.receiveAudio(25, 0, WAIT), 1000, 25, "the caller hears its own 1000 Hz back");
        }
        phone.bye();
        phone.expect(200, "BYE", WAIT);
        assertCleanedUp();
    }

    private static void assertHears440Hz(short[] heard) {
        Tones.assertDominant(heard, 440, 10, "the caller hears the demo's 440 Hz tone (RTP with PT 0)");
    }

    private void assertCleanedUp() {
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }
}
