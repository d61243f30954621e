package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.it.guide.CallOutcomes;
import org.sipee.it.guide.DialResource;
import org.sipee.it.guide.Greeter;
import org.sipee.it.guide.RestApi;
import org.sipee.it.guide.TimedDialer;
import org.sipee.media.WavFile;
import org.sipee.session.CallFailedException;
import org.sipee.session.CallRecording;
import org.sipee.session.NegotiatedAudio;
import org.sipee.session.OutgoingCall;
import org.sipee.session.SessionRegistry;
import org.sipee.session.SessionState;

/**
 * Calls the application places through the adapter's connection factory (@Resource): from a REST endpoint and from
 * an EJB timer, to SIPp as the callee. The response handlers of each class hear their responses; an answered call
 * carries our tone to the callee and back (SIPp -rtp_echo); a refused or redirected call ends; nothing is left.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundCallIT {

    static final String APP = "outbound-calls";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration SIPP_RUN = Duration.ofSeconds(60);
    static final Duration TIMER_D = Duration.ofSeconds(40);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar(APP, OutboundCallIT.class, ResponseLog.class, MediaHandlers.class,
                SippProcess.class, EngineProbe.class, DialResource.class, RestApi.class, CallOutcomes.class, TimedDialer.class,
                Greeter.class, DtmfPackets.class, ToneTalker.class);
    }

    @Inject
    ResponseLog responses;

    @Inject
    SessionRegistry registry;

    @Inject
    TimedDialer timedDialer;

    @Test
    @OperateOnDeployment("app")
    void callPlacedFromRestIsAnsweredAndCarriesOurTone() throws Exception {
        try (SippProcess callee = SippProcess.scenario("outbound_answer", "uac_target.xml", null, 15290,
                "-m", "1", "-rtp_echo", "-mp", "16290").listening(15290)) {
            HttpResponse<String> dialled = post("sip:callee@127.0.0.1:15290");
            assertEquals(200, dialled.statusCode(), dialled.body());
            String callId = dialled.body();

            Poll.until("the 200 reached the success handler", () -> responses.heard(callId).contains("success 200"),
                    () -> responses.heard(callId).toString(), WAIT);
            assertEquals(List.of("provisional 180", "success 200"), responses.heard(callId));
            OutgoingCall call = registry.findOutgoing(callId).orElseThrow();
            assertEquals(SessionState.Connected, call.state());
            NegotiatedAudio audio = call.negotiatedMedia().orElseThrow();
            assertEquals("PCMU", audio.codec());
            assertEquals(16290, audio.remoteRtp().getPort(), "we send where SIPp's answer said");

            Poll.until("1 s of our tone back from the callee", () -> call.rtpStats().packetsReceived() >= 50,
                    () -> call.rtpStats().toString(), WAIT);
            CallRecording recording = responses.recording(callId).orElseThrow();
            recording.stop().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            Tones.assertDominant(WavFile.read(recording.file()), 440, 40,
                    "the tone CallOutcomes plays, echoed by the callee (" + recording.file() + ")");

            call.hangUp();
            callee.assertPassed(SIPP_RUN); // it saw our BYE
        }
        EngineProbe.assertNothingLeft(registry, WAIT);
    }

    /**
     * Two refused calls at once (their INVITE transactions then wait Timer D, 32 s over UDP, RFC 3261 §17.1.1.2,
     * before the engine is idle: one wait for both): one placed by an EJB timer and answered 486, one placed from
     * REST and redirected 302.
     */
    @Test
    @OperateOnDeployment("app")
    void refusedCallsReachTheirHandlersAndEnd() throws Exception {
        String busy = "sip:busy@127.0.0.1:15291";
        try (SippProcess busyCallee = SippProcess.scenario("outbound_busy", "uas_busy.xml", null, 15291, "-m", "1").listening(15291);
             SippProcess movedCallee = SippProcess.scenario("outbound_redirect", "uas_redirect.xml", null, 15292, "-m", "1").listening(15292)) {
            timedDialer.callLater(busy, 10);
            String redirected = post("sip:moved@127.0.0.1:15292").body();
            Poll.until("the timer placed the call", () -> timedDialer.callIdFor(busy) != null, WAIT);
            String refused = timedDialer.callIdFor(busy);

            Poll.until("the 486 reached the error handler", () -> responses.heard(refused).contains("error 486"),
                    () -> responses.heard(refused).toString(), WAIT);
            assertEquals(List.of("provisional 180", "error 486"), responses.heard(refused));
            OutgoingCall call = responses.finalResponse(refused).orElseThrow().call();
            CompletionException failed = assertThrows(CompletionException.class, () -> call.answered().toCompletableFuture().join());
            assertEquals(486, assertInstanceOf(CallFailedException.class, failed.getCause()).status());

            Poll.until("the 302 reached the redirect handler", () -> responses.heard(redirected).contains("redirect 302"),
                    () -> responses.heard(redirected).toString(), WAIT);
            assertEquals(List.of("provisional 180", "redirect 302"), responses.heard(redirected));
            assertEquals(List.of("<sip:desk@192.0.2.7>"), responses.finalResponse(redirected).orElseThrow().contacts());

            busyCallee.assertPassed(SIPP_RUN); // each saw our ACK
            movedCallee.assertPassed(SIPP_RUN);
        }
        EngineProbe.assertNothingLeft(registry, TIMER_D);
    }

    @Test
    @OperateOnDeployment("app")
    void aTargetWeCannotReachIsABadRequestNamingWhy() throws Exception {
        HttpResponse<String> refused = post("sip:bob@example.com");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("IP literal"), "says why: " + refused.body());
        EngineProbe.assertNothingLeft(registry, WAIT);
    }

    /** The README guide's inbound handler: the tone, then our BYE once the caller presses #. */
    @Test
    @OperateOnDeployment("app")
    void guideGreeterPlaysItsToneAndHangsUpOnHash() throws Exception {
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            phone.invite("hello", phone.pcmuOffer());
            phone.expect(180, "INVITE", WAIT);
            SipResponse ok = phone.expect(200, "INVITE", WAIT);
            phone.ack(ok);
            Tones.assertDominant(phone.receiveAudio(50, 0, WAIT), 440, 40, "the greeting tone");
            new DtmfPackets().press(phone, ToneTalker.mediaAddress(ok.body()), '#');
            String bye = phone.expectRequest("BYE", WAIT);
            phone.respond(bye, 200, "OK", null);
        }
        EngineProbe.assertNothingLeft(registry, WAIT);
    }

    private static HttpResponse<String> post(String to) throws Exception {
        URI dial = URI.create("http://127.0.0.1:8080/" + APP + "/api/dial?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(dial).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
