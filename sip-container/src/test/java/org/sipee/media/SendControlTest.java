package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.Loopback.LOOPBACK;
import static org.sipee.media.Loopback.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the caller hears of timed tones, hold (sending off) and mute. */
class SendControlTest {

    @Test
    void timedToneSendsExactlyItsFramesThenCompletes() throws Exception {
        try (Pair pair = Pair.open()) {
            boolean completed = pair.a.playTone(1000, Duration.ofMillis(200)).get(5, TimeUnit.SECONDS);
            assertTrue(completed, "played out");
            assertEquals(10, pair.a.stats().packetsSent(), "200 ms = ten 20 ms packets");
            await(() -> pair.tonal.get() >= 8, 3000, "the beep heard at the other end");
        }
    }

    @Test
    void notSendingLetsTheSourceRunOnSilently() throws Exception {
        try (Pair pair = Pair.open()) {
            pair.a.sending(false);
            boolean completed = pair.a.playTone(1000, Duration.ofMillis(200)).get(5, TimeUnit.SECONDS);
            assertTrue(completed, "the tone kept its place in time");
            assertEquals(0, pair.a.stats().packetsSent(), "nothing sent on hold");

            pair.a.sending(true);
            pair.a.playTone(1000);
            await(() -> pair.tonal.get() >= 10, 3000, "tone heard after resuming");
        }
    }

    @Test
    void muteSendsSilenceAndUnmuteRestoresTheAudio() throws Exception {
        try (Pair pair = Pair.open()) {
            pair.a.mute(true);
            pair.a.playTone(1000);
            await(() -> pair.b.stats().packetsReceived() >= 25, 3000, "RTP keeps flowing while muted");
            assertEquals(0, pair.tonal.get(), "no tone heard while muted");

            pair.a.mute(false);
            await(() -> pair.tonal.get() >= 10, 3000, "tone heard after unmute");
        }
    }

    /** Two connected streams; b counts the frames that carry 1000 Hz. */
    private record Pair(MediaEngine engine, RtpStream a, RtpStream b, AtomicInteger tonal) implements AutoCloseable {

        static Pair open() {
            int base = Loopback.freeRange(4);
            MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 3), null);
            RtpStream a = engine.openStream();
            RtpStream b = engine.openStream();
            a.connect(new InetSocketAddress(LOOPBACK, b.localPort()), 0);
            b.connect(new InetSocketAddress(LOOPBACK, a.localPort()), 0);
            AtomicInteger tonal = new AtomicInteger();
            b.onAudio(frame -> {
                if (Loopback.hasTone(frame, 1000)) {
                    tonal.incrementAndGet();
                }
            });
            return new Pair(engine, a, b, tonal);
        }

        @Override
        public void close() {
            a.close();
            b.close();
            engine.close();
        }
    }
}
