package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.sipee.media.WavFile;
import org.sipee.session.SessionRegistry;

/**
 * The demo's IVR (sip:ivr@) as a caller hears it, over loopback UDP: the spoken menu (compared with the prompt WAV
 * shipped in the demo jar), keys pressed while it speaks (barge-in) taking the call to the echo test, the voicemail
 * or the tone, an invalid key, and a silent caller hearing the menu again and a goodbye. The choice timeout is a
 * system property the IVR reads for each call, so each test sets its own here, in the server's JVM. After every
 * call nothing of it may be left.
 */
@ExtendWith(ArquillianExtension.class)
class IvrIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration CLEANUP = Duration.ofSeconds(10);
    static final String CHOICE_TIMEOUT = "sipee.demo.ivr.choiceTimeoutMillis";
    static final String REPLAYS = "sipee.demo.ivr.replays";
    /** What the phone says into the echo test and the voicemail: not a frequency the demo plays itself. */
    static final double VOICE_HZ = 300;

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("ivr", IvrIT.class, EngineProbe.class, ToneTalker.class, DtmfPackets.class,
                FrameEnergyMatch.class);
    }

    @Inject
    SessionRegistry registry;

    SipPhone phone;
    DtmfPackets keypad;

    @BeforeEach
    void phone() throws Exception {
        phone = new SipPhone(TestDeployments.TEST_SIP_PORT);
        keypad = new DtmfPackets();
        System.setProperty(CHOICE_TIMEOUT, "30000"); // no replay in the middle of a test that does not wait for one
    }

    @AfterEach
    void hangUp() {
        phone.close();
        System.clearProperty(CHOICE_TIMEOUT);
        System.clearProperty(REPLAYS);
    }

    @Test
    @OperateOnDeployment("demo")
    void answersWithTheSpokenMenu() throws Exception {
        call();
        short[] menu = prompt("menu.wav");
        FrameEnergyMatch match = FrameEnergyMatch.assertRecognisable(menu, listen(menu), "what the caller hears after the answer");
        System.out.println("IVR menu: " + match);
        callerHangsUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void keyOneDuringTheMenuTakesTheCallerToTheEchoTest() throws Exception {
        SipResponse ok = call();
        phone.receiveAudio(25, 0, WAIT); // half a second into the menu
        keypad.press(phone, media(ok), '1');
        try (ToneTalker talking = new ToneTalker(phone, ok.body(), VOICE_HZ)) {
            // the menu has 5 s left: hearing the echo sooner means the key cut it short
            hear(VOICE_HZ, Duration.ofSeconds(4), "the caller's own voice back from the echo test");
            Tones.assertDominant(phone.receiveAudio(25, 0, WAIT), VOICE_HZ, 25, "the echo goes on");
        }
        callerHangsUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void keyTwoTakesAVoicemailThatEndsWithHash() throws Exception {
        String dir = System.getProperty("sipee.demo.voicemail.dir");
        assertNotNull(dir, "system property sipee.demo.voicemail.dir (arquillian.xml)");
        SipResponse ok = call();
        phone.receiveAudio(25, 0, WAIT);
        keypad.press(phone, media(ok), '2');
        hear(1000, Duration.ofSeconds(3), "the voicemail's beep");
        try (ToneTalker talking = new ToneTalker(phone, ok.body(), VOICE_HZ)) {
            phone.drainRtp(Duration.ofMillis(1500)); // the caller speaks for a second and a half (hearing the beep's end)
            talking.press('#');
            phone.respond(phone.expectRequest("BYE", WAIT), 200, "OK", null);
        }
        Path message = Path.of(dir, phone.callId().replaceAll("[^A-Za-z0-9._-]", "_") + ".wav");
        Poll.until("the voicemail " + message, () -> Files.isRegularFile(message), WAIT);
        Tones.assertDominant(WavFile.read(message), VOICE_HZ, 25, "the message " + message + " holds what the caller said");
        assertCleanedUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void keyThreeTakesTheCallerToTheTone() throws Exception {
        SipResponse ok = call();
        phone.receiveAudio(25, 0, WAIT);
        keypad.press(phone, media(ok), '3');
        hear(440, Duration.ofSeconds(3), "the demo's 440 Hz tone");
        Tones.assertDominant(phone.receiveAudio(25, 0, WAIT), 440, 25, "the tone goes on");
        callerHangsUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void anInvalidKeyIsToldSoAndHearsTheMenuAgain() throws Exception {
        SipResponse ok = call();
        phone.receiveAudio(25, 0, WAIT);
        keypad.press(phone, media(ok), '9');
        short[] invalid = prompt("invalid.wav");
        short[] menu = prompt("menu.wav");
        short[] heard = phone.receiveAudio(packets(invalid) + packets(menu), 0, Duration.ofSeconds(15));
        FrameEnergyMatch sorry = FrameEnergyMatch.assertRecognisable(invalid, heard, "what the caller hears after 9");
        FrameEnergyMatch again = FrameEnergyMatch.assertRecognisable(menu, heard, "what the caller hears after 9");
        assertTrue(sorry.lagFrames() < 10, "the invalid-choice prompt starts at the key, cutting the menu short: " + sorry);
        assertTrue(again.lagFrames() >= sorry.lagFrames() + invalid.length / 160 - 5, "then the menu plays again: " + again);
        callerHangsUp();
    }

    @Test
    @OperateOnDeployment("demo")
    void aSilentCallerHearsTheMenuAgainThenGoodbyeAndIsHungUp() throws Exception {
        System.setProperty(CHOICE_TIMEOUT, "1000");
        System.setProperty(REPLAYS, "1");
        call();
        short[] menu = prompt("menu.wav");
        FrameEnergyMatch.assertRecognisable(menu, listen(menu), "the menu");
        assertEquals(0, phone.countRtp(Duration.ofMillis(700)), "RTP packets while the menu waits for a choice");
        FrameEnergyMatch.assertRecognisable(menu, listen(menu), "the menu replayed after the choice timeout");
        short[] goodbye = prompt("goodbye.wav");
        FrameEnergyMatch.assertRecognisable(goodbye, listen(goodbye), "after the last replay");
        phone.respond(phone.expectRequest("BYE", WAIT), 200, "OK", null);
        assertCleanedUp();
    }

    /** Calls sip:ivr@, acknowledges the 200; returns the 200 (its SDP answer names the IVR's RTP address). */
    private SipResponse call() throws IOException {
        phone.invite("ivr", phone.pcmuOffer());
        SipResponse ok = phone.expect(200, "INVITE", WAIT);
        phone.ack(ok);
        return ok;
    }

    private static InetSocketAddress media(SipResponse ok) {
        return ToneTalker.mediaAddress(ok.body());
    }

    /** The audio of as many packets as the prompt fills (its last one padded), waiting up to its length and more. */
    private short[] listen(short[] prompt) throws IOException {
        return phone.receiveAudio(packets(prompt), 0, Duration.ofMillis(prompt.length / 8).plus(WAIT));
    }

    private static int packets(short[] prompt) {
        return (prompt.length + 159) / 160;
    }

    /** Listens in 200 ms windows until one is the tone; fails at the deadline. */
    private void hear(double hz, Duration within, String what) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            short[] window = phone.receiveAudio(10, 0, Duration.ofNanos(left));
            if (window.length == 10 * 160 && Tones.dominant(window, hz)) {
                return;
            }
        }
        fail(what + ": no " + hz + " Hz heard within " + within.toMillis() + " ms");
    }

    /** A prompt as shipped in the demo jar (the war sees the EAR's lib), decoded. */
    private static short[] prompt(String name) throws IOException {
        Path file = Files.createTempFile("ivr-prompt-", ".wav");
        try (InputStream in = IvrIT.class.getClassLoader().getResourceAsStream("org/sipee/demo/ivr/" + name)) {
            assertNotNull(in, "the demo jar's prompt " + name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return WavFile.read(file);
        } finally {
            Files.delete(file);
        }
    }

    private void callerHangsUp() throws IOException {
        phone.bye();
        phone.expect(200, "BYE", WAIT);
        assertCleanedUp();
    }

    private void assertCleanedUp() {
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }
}
