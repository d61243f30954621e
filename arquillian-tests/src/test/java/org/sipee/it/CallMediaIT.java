package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.media.WavFile;
import org.sipee.session.CallRecording;
import org.sipee.session.IncomingCall;
import org.sipee.session.SessionRegistry;
import org.sipee.session.SessionState;

/**
 * Media with SIPp as the caller, checked in the audio (in-container: SIPp runs as a child process of the server,
 * against the test adapter on 5070, with MediaHandlers):
 * <ul>
 *   <li>early media: our 440 Hz tone goes out with the 183 and comes back from SIPp's RTP echo before the answer;</li>
 *   <li>hold and resume while the caller talks (SIPp's g711a.pcap): we send nothing while held, and our recording
 *       of the call is the caller's audio, all of it.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class CallMediaIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration CLEANUP = Duration.ofSeconds(10);
    static final Duration SIPP_RUN = Duration.ofSeconds(60);
    static final String TARGET = "127.0.0.1:" + TestDeployments.TEST_SIP_PORT;
    static final Path CALLER_AUDIO = Path.of("/usr/share/sip-tester/g711a.pcap");
    static final int PCMA = 8;

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("call-media", CallMediaIT.class, MediaHandlers.class, SippProcess.class,
                RtpCapture.class, FrameEnergyMatch.class, EngineProbe.class);
    }

    @Inject
    MediaHandlers handlers;

    @Inject
    SessionRegistry registry;

    /** SIPp's early_media.xml with -rtp_echo: SIPp sends back what it receives, so we hear our own early media. */
    @Test
    @OperateOnDeployment("app")
    void earlyMediaToneComesBackFromTheCallerBeforeTheAnswer() throws Exception {
        String callId = "early-" + UUID.randomUUID() + "@127.0.0.1";
        try (SippProcess sipp = SippProcess.scenario("early_media_echo", "early_media.xml", TARGET, 15270,
                "-s", "early-echo", "-m", "1", "-rtp_echo", "-mp", "16270", "-cid_str", callId)) {
            answerAfterTheEcho(callId, sipp);
        }
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    private void answerAfterTheEcho(String callId, SippProcess sipp) throws Exception {
        IncomingCall call = awaitCall(callId);
        Poll.until("1 s of our tone back from SIPp in early media", () -> handlers.recording(callId).isPresent()
                        && call.rtpStats().packetsReceived() >= 50,
                () -> call.state() + ", " + call.rtpStats(), WAIT);
        assertEquals(SessionState.Ringing, call.state(), "not answered yet: the audio came back in early media");

        CallRecording early = handlers.recording(callId).orElseThrow();
        early.stop().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        call.answer();
        sipp.assertPassed(SIPP_RUN);

        short[] heard = WavFile.read(early.file());
        // 1 s of packets arrived; the jitter buffer may still hold back a few frames of it
        Tones.assertDominant(heard, 440, 40, "the 440 Hz tone in what came back before the answer (" + early.file() + ")");
    }

    /**
     * SIPp's hold_resume_pcap.xml: the caller talks (g711a.pcap) and holds us for 3 s in the middle. Its audio keeps
     * coming during the hold, so its packets are the clock here: two samples of what we sent, 0.3 s and 1.2 s into
     * the hold (what we sent before the hold has long arrived), must be equal.
     */
    @Test
    @OperateOnDeployment("app")
    void heldCallSendsNothingAndRecordsAllOfTheCallersAudio() throws Exception {
        String callId = "hold-" + UUID.randomUUID() + "@127.0.0.1";
        try (SippProcess sipp = SippProcess.scenario("hold_resume_pcap", "hold_resume_pcap.xml", TARGET, 15271,
                "-s", "hold-media", "-m", "1", "-mp", "16280", "-cid_str", callId)) {
            holdAndResume(callId, sipp);
        }
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    private void holdAndResume(String callId, SippProcess sipp) throws Exception {
        IncomingCall call = awaitCall(callId);
        awaitState(call, SessionState.OnHold);
        long heldAt = call.rtpStats().packetsReceived();
        awaitReceived(call, heldAt + 10);
        long sentEarlyInHold = call.rtpStats().packetsSent();
        awaitReceived(call, heldAt + 40);
        long sentLateInHold = call.rtpStats().packetsSent();
        assertEquals(SessionState.OnHold, call.state(), "both samples within the hold");
        assertTrue(sentEarlyInHold >= 50, "the tone went out before the hold: " + sentEarlyInHold + " packets");
        assertEquals(sentEarlyInHold, sentLateInHold, "RTP packets we sent while on hold (RFC 3264 §8.4: recvonly)");

        awaitState(call, SessionState.Connected);
        Poll.until("our tone again after the resume", () -> call.rtpStats().packetsSent() >= sentLateInHold + 25,
                call.rtpStats()::toString, WAIT);
        sipp.assertPassed(SIPP_RUN);

        CallRecording recording = handlers.recording(callId).orElseThrow();
        recording.finished().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        FrameEnergyMatch match = FrameEnergyMatch.assertRecognisable(RtpCapture.audio(CALLER_AUDIO, PCMA),
                WavFile.read(recording.file()), "our recording of the held and resumed call (" + recording.file() + ")");
        System.out.println("hold_resume_pcap: " + match);
    }

    private IncomingCall awaitCall(String callId) {
        Poll.until("the call " + callId + " from SIPp", () -> registry.find(callId).isPresent(), WAIT);
        return registry.find(callId).orElseThrow();
    }

    private static void awaitState(IncomingCall call, SessionState state) {
        Poll.until("the call " + state, () -> call.state() == state, () -> "it is " + call.state(), WAIT);
    }

    private static void awaitReceived(IncomingCall call, long packets) {
        Poll.until(packets + " packets from the caller", () -> call.rtpStats().packetsReceived() >= packets,
                call.rtpStats()::toString, WAIT);
    }
}
