package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipee.media.Goertzel;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;
import org.sipee.media.ToneGenerator;
import org.sipee.media.WavFile;
import org.sipee.sip.ua.CallEndReason;

/**
 * The media operations of a call, heard by a caller that is a real RTP stream of the same engine: files, timed tones,
 * recording, DTMF both ways, mute, late offer, and the media timeout that hangs up.
 */
class CallMediaOpsTest {

    private static final int TE = 101;

    @TempDir
    Path dir;
    private MediaEngine media;
    private RtpStream caller;
    private final AtomicInteger callerHears1000 = new AtomicInteger();
    private final List<Character> callerDigits = new CopyOnWriteArrayList<>();
    private WireCall wire;
    private CallSession session;

    @BeforeEach
    void start() {
        media = MediaEngine.start(new MediaConfig("127.0.0.1", 42200, 42299), null);
        caller = media.openStream();
        caller.onAudio(frame -> {
            if (isTone(frame, 1000)) {
                callerHears1000.incrementAndGet();
            }
        });
        caller.onDtmf(event -> callerDigits.add(event.digit()));
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.terminating(CallEndReason.SHUTDOWN);
        }
        caller.close();
        media.close();
    }

    @Test
    void playsAWavFileAndATimedToneToTheCaller() throws Exception {
        answered(Duration.ZERO);
        Path wav = dir.resolve("prompt.wav");
        WavFile.write(wav, new ToneGenerator(1000, -10).samples(Duration.ofMillis(400)));

        assertTrue(session.play(wav).toCompletableFuture().get(5, TimeUnit.SECONDS), "played to the end");
        await(() -> callerHears1000.get() >= 15, "the prompt heard by the caller");
        assertTrue(session.playTone(1000, Duration.ofMillis(200)).toCompletableFuture().get(5, TimeUnit.SECONDS));

        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> session.play(dir.resolve("missing.wav")).toCompletableFuture().get());
        assertTrue(missing.getCause().getMessage().contains("missing.wav"), missing.getCause().getMessage());
    }

    @Test
    void recordsWhatTheCallerSays() throws Exception {
        answered(Duration.ZERO);
        CallRecording recording = session.record(dir.resolve("message.wav"));
        caller.playTone(1000, Duration.ofMillis(600)).get(5, TimeUnit.SECONDS);
        await(() -> session.rtpStats().packetsReceived() >= 30, "the caller's audio arrived");
        Duration length = recording.stop().toCompletableFuture().get(5, TimeUnit.SECONDS);

        short[] samples = WavFile.read(recording.file());
        assertEquals(length.toMillis() * 8, samples.length, "the stage reports the file's length");
        int tonal = 0;
        for (int at = 0; at + 160 <= samples.length; at += 160) {
            tonal += isTone(java.util.Arrays.copyOfRange(samples, at, at + 160), 1000) ? 1 : 0;
        }
        assertTrue(tonal >= 25, "at least 25 of the 30 frames hold the 1000 Hz the caller sent, got " + tonal);
    }

    @Test
    void dtmfGoesBothWays() throws Exception {
        answered(Duration.ZERO);
        List<Character> heard = new CopyOnWriteArrayList<>();
        session.onDtmf(heard::add);
        session.sendDtmf("12#");
        await(() -> callerDigits.size() == 3, "three digits at the caller");
        assertEquals(List.of('1', '2', '#'), callerDigits);

        caller.sendDtmf('5', Duration.ofMillis(100));
        caller.sendDtmf('*', Duration.ofMillis(100));
        await(() -> heard.size() == 2, "the caller's digits reach the listener");
        assertEquals(List.of('5', '*'), heard);
    }

    @Test
    void muteSendsSilenceUntilUnmuted() throws Exception {
        answered(Duration.ZERO);
        session.mute();
        session.playTone(1000);
        await(() -> caller.stats().packetsReceived() >= 25, "RTP keeps flowing while muted");
        assertEquals(0, callerHears1000.get(), "nothing of the tone heard");
        session.unmute();
        await(() -> callerHears1000.get() >= 10, "the tone after unmute");
    }

    @Test
    void lateOfferPutsOurOfferInThe200AndTakesTheAnswerFromTheAck() throws Exception {
        wire = new WireCall("late-offer", null);
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media)));
        var answered = session.answer().toCompletableFuture();
        String ourOffer = wire.body(200);
        assertTrue(ourOffer.contains("m=audio ") && ourOffer.contains(" RTP/AVP 0 8 101\r\n"), ourOffer);
        assertEquals(MediaState.Negotiating, session.mediaState(), "until the answer arrives");

        int ourPort = Integer.parseInt(ourOffer.replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
        caller.telephoneEventPayloadType(TE);
        caller.connect(new InetSocketAddress("127.0.0.1", ourPort), 8);
        wire.ackWith(sdp("RTP/AVP 8 101", "a=rtpmap:101 telephone-event/8000\r\n"));
        session.acknowledged();

        assertEquals(session, answered.getNow(null));
        assertEquals(MediaState.Active, session.mediaState());
        session.playTone(1000);
        await(() -> callerHears1000.get() >= 10, "the tone, as PCMA, at the caller");
    }

    @Test
    void lateOfferWithoutAnswerInTheAckHangsUp() {
        wire = new WireCall("late-offer-no-answer", null);
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media)));
        var answered = session.answer().toCompletableFuture();
        session.acknowledged();
        assertEquals("BYE", wire.sent.get(wire.sent.size() - 1));
        assertThrows(ExecutionException.class, answered::get);
        assertEquals(MediaState.Failed, session.mediaState());
        assertEquals(1, media.openStreams(), "only the caller's stream is left");
    }

    @Test
    void silentCallerIsHungUpAfterTheMediaTimeout() throws Exception {
        answered(Duration.ofMillis(300));
        await(() -> wire.sent.contains("BYE"), "BYE after 300 ms without RTP");
        assertEquals(CallEndReason.MEDIA_TIMEOUT, session.endReason(CallEndReason.LOCAL_BYE));
        assertEquals(CallEndReason.REMOTE_BYE, session.endReason(CallEndReason.REMOTE_BYE));
    }

    @Test
    void callerWhoKeepsSendingIsNotTimedOut() throws Exception {
        answered(Duration.ofMillis(300));
        caller.playTone(440);
        await(() -> session.rtpStats().packetsReceived() >= 50, "a second of the caller's audio");
        assertTrue(!wire.sent.contains("BYE"), wire.sent.toString());
        assertEquals(CallEndReason.LOCAL_BYE, session.endReason(CallEndReason.LOCAL_BYE));
    }

    /** An answered, acknowledged call whose caller is {@link #caller}, PCMU with telephone-event. */
    private void answered(Duration mediaTimeout) {
        wire = new WireCall("media-ops", sdp("RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000\r\n"));
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media, mediaTimeout)));
        session.answer();
        session.acknowledged();
        String answer = wire.body(200);
        int port = Integer.parseInt(answer.replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
        caller.telephoneEventPayloadType(TE);
        caller.connect(new InetSocketAddress("127.0.0.1", port), 0);
    }

    private String sdp(String formats, String attributes) {
        return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + caller.localPort() + " " + formats + "\r\n" + attributes + "a=sendrecv\r\n";
    }

    private static boolean isTone(short[] frame, double hz) {
        double energy = 0;
        for (short s : frame) {
            energy += s * (double) s;
        }
        return Math.sqrt(energy / frame.length) > 300 && Goertzel.power(frame, hz) > 0.5 * (frame.length / 2.0) * energy;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5); // test-side polling only
        }
    }
}
