package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.sipee.session.Call;
import org.sipee.session.IncomingCall;
import org.sipee.session.MediaState;
import org.sipee.session.SessionRegistry;
import org.sipee.session.SessionState;

/**
 * The caller changes a connected call with re-INVITEs (RFC 3261 §14, RFC 3264 §8): a=sendonly puts it on hold (we
 * answer recvonly and go silent, the session is OnHold with media Paused), a=sendrecv resumes the 440 Hz tone, and
 * an offer with PCMA first switches the tone to A-law. Checked on the wire, in the audio and in the SessionRegistry;
 * nothing is left after the BYE.
 */
@ExtendWith(ArquillianExtension.class)
class HoldResumeIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration CLEANUP = Duration.ofSeconds(10);
    /** Loopback delivers at once; what was sent before our 200 has arrived well within this. */
    static final Duration IN_FLIGHT = Duration.ofMillis(100);
    static final Duration SILENCE = Duration.ofMillis(300);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("hold-resume", HoldResumeIT.class, EngineProbe.class);
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
    void holdSilencesTheToneAndResumeBringsItBack() throws Exception {
        String callId = connect(phone.g711Offer(1, "0 8 101", "sendrecv"));
        assertTone(phone.receiveAudio(25, 0, WAIT), "before the hold");

        int hold = phone.reinvite(phone.g711Offer(2, "0 8 101", "sendonly"));
        SipResponse held = phone.expect(200, hold, "INVITE", WAIT);
        assertTrue(held.body().matches("(?s).*\\r\\na=recvonly\\r\\n.*"), "RFC 3264 §8.4: answered recvonly\n" + held.body());
        assertTrue(held.body().matches("(?s).*m=audio \\d+ RTP/AVP 0 101\\r\\n.*"), held.body());
        phone.ackReinvite(hold);
        assertStates(callId, SessionState.OnHold, MediaState.Paused);
        phone.drainRtp(IN_FLIGHT);
        assertEquals(0, phone.countRtp(SILENCE), "no RTP to a caller who put us on hold");

        int resume = phone.reinvite(phone.g711Offer(3, "0 8 101", "sendrecv"));
        SipResponse resumed = phone.expect(200, resume, "INVITE", WAIT);
        assertTrue(resumed.body().contains("a=sendrecv"), resumed.body());
        assertOriginVersion(held.body(), resumed.body());
        phone.ackReinvite(resume);
        assertStates(callId, SessionState.Connected, MediaState.Active);
        assertTone(phone.receiveAudio(25, 0, WAIT), "after the resume");

        byeAndCleanUp(callId);
    }

    @Test
    @OperateOnDeployment("app")
    void inactiveOfferAlsoHolds() throws Exception {
        String callId = connect(phone.g711Offer(1, "0 8", "sendrecv"));
        int hold = phone.reinvite(phone.g711Offer(2, "0 8", "inactive"));
        SipResponse held = phone.expect(200, hold, "INVITE", WAIT);
        assertTrue(held.body().contains("a=inactive"), held.body());
        phone.ackReinvite(hold);
        assertStates(callId, SessionState.OnHold, MediaState.Paused);
        phone.drainRtp(IN_FLIGHT);
        assertEquals(0, phone.countRtp(SILENCE), "no RTP on an inactive stream");
        byeAndCleanUp(callId);
    }

    @Test
    @OperateOnDeployment("app")
    void updateHoldsAndResumesToo() throws Exception {
        String callId = connect(phone.g711Offer(1, "0 8", "sendrecv"));
        int hold = phone.update(phone.g711Offer(2, "0 8", "sendonly"));
        SipResponse held = phone.expect(200, hold, "UPDATE", WAIT);
        assertTrue(held.body().contains("a=recvonly"), "RFC 3311 §5.2: the 200 carries the answer\n" + held.body());
        assertStates(callId, SessionState.OnHold, MediaState.Paused);
        phone.drainRtp(IN_FLIGHT);
        assertEquals(0, phone.countRtp(SILENCE), "no RTP while on hold");
        int resume = phone.update(phone.g711Offer(3, "0 8", "sendrecv"));
        phone.expect(200, resume, "UPDATE", WAIT);
        assertStates(callId, SessionState.Connected, MediaState.Active);
        assertTone(phone.receiveAudio(25, 0, WAIT), "after the UPDATE resumed the call");
        byeAndCleanUp(callId);
    }

    @Test
    @OperateOnDeployment("app")
    void pcmaFirstSwitchesTheToneToALaw() throws Exception {
        String callId = connect(phone.g711Offer(1, "0 8 101", "sendrecv"));
        assertTone(phone.receiveAudio(10, 0, WAIT), "as PCMU");

        int change = phone.reinvite(phone.g711Offer(2, "8 0 101", "sendrecv"));
        SipResponse changed = phone.expect(200, change, "INVITE", WAIT);
        assertTrue(changed.body().matches("(?s).*m=audio \\d+ RTP/AVP 8 101\\r\\n.*"), "PCMA answered\n" + changed.body());
        phone.ackReinvite(change);
        short[] alaw = phone.receiveAudio(25, 8, true, WAIT);
        assertEquals(25 * 160, alaw.length, "25 packets with PT 8");
        assertTone(alaw, "decoded from A-law");
        assertStates(callId, SessionState.Connected, MediaState.Active);

        byeAndCleanUp(callId);
    }

    @Test
    @OperateOnDeployment("app")
    void unanswerableReofferIs488AndTheCallGoesOn() throws Exception {
        String callId = connect(phone.g711Offer(1, "0 8", "sendrecv"));
        int gsm = phone.reinvite(phone.offer(2, "RTP/AVP 3", "a=rtpmap:3 GSM/8000\r\n", "sendrecv"));
        phone.expect(488, gsm, "INVITE", WAIT);
        assertStates(callId, SessionState.Connected, MediaState.Active);
        assertTone(phone.receiveAudio(10, 0, WAIT), "after the refused re-INVITE (§14.2: session unchanged)");
        byeAndCleanUp(callId);
    }

    @Test
    @OperateOnDeployment("app")
    void applicationHoldAndResumeSendReinvites() throws Exception {
        String callId = connect(phone.g711Offer(1, "0 8", "sendrecv"));
        IncomingCall call = registry.find(callId).orElseThrow();

        CompletableFuture<Call> held = call.hold().toCompletableFuture();
        String hold = phone.expectRequest("INVITE", WAIT);
        assertTrue(hold.contains("\r\na=sendonly\r\n"), "RFC 3264 §8.4: our hold offer is sendonly\n" + hold);
        phone.respond(hold, 200, "OK", phone.g711Offer(2, "0", "recvonly"));
        phone.expectRequest("ACK", WAIT);
        held.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertStates(callId, SessionState.OnHold, MediaState.Paused);
        phone.drainRtp(IN_FLIGHT);
        assertEquals(0, phone.countRtp(SILENCE), "no tone while we hold the call");

        CompletableFuture<Call> resumed = call.resume().toCompletableFuture();
        String resume = phone.expectRequest("INVITE", WAIT);
        assertTrue(resume.contains("\r\na=sendrecv\r\n"), resume);
        phone.respond(resume, 200, "OK", phone.g711Offer(3, "0", "sendrecv"));
        phone.expectRequest("ACK", WAIT);
        resumed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertStates(callId, SessionState.Connected, MediaState.Active);
        assertTone(phone.receiveAudio(25, 0, WAIT), "after our resume");

        byeAndCleanUp(callId);
    }

    private String connect(String offer) throws Exception {
        String callId = phone.invite("answer", offer);
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        phone.ack(ok);
        assertStates(callId, SessionState.Connected, MediaState.Active);
        return callId;
    }

    private void assertStates(String callId, SessionState state, MediaState media) {
        Poll.until(state + "/" + media + " in the registry", () -> registry.find(callId)
                        .filter(c -> c.state() == state && c.mediaState() == media).isPresent(),
                () -> registry.find(callId).map(c -> c.state() + "/" + c.mediaState()).orElse("no session"), WAIT);
    }

    private static void assertTone(short[] heard, String when) {
        Tones.assertDominant(heard, 440, 10, "the caller hears the 440 Hz tone " + when);
    }

    private static void assertOriginVersion(String before, String after) {
        String[] o1 = origin(before);
        String[] o2 = origin(after);
        assertEquals(o1[1], o2[1], "RFC 3264 §8: the same o= session id");
        assertEquals(Long.parseLong(o1[2]) + 1, Long.parseLong(o2[2]), "RFC 3264 §8: version + 1");
    }

    private static String[] origin(String sdp) {
        Matcher m = Pattern.compile("(?m)^o=(.*?)\\r?$").matcher(sdp);
        assertTrue(m.find(), sdp);
        return m.group(1).split(" ");
    }

    private void byeAndCleanUp(String callId) throws Exception {
        phone.bye();
        phone.expect(200, "BYE", WAIT);
        Poll.until("@Bye handler", () -> handlers.sawBye(callId), WAIT);
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

}
