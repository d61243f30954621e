package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.Loopback.LOOPBACK;
import static org.sipee.media.Loopback.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tone and DTMF digits from one stream to another through a relay that loses 5 % of the RTP packets
 * and swaps 5 % (fixed seed). The receiver's recording is analysed with Goertzel, its digits counted,
 * and both ends' statistics and RTCP reports compared with what the relay did.
 */
class MediaListeningTest {

    @TempDir
    Path dir;

    @Test
    void toneAndDigitsSurviveLossAndReordering() throws Exception {
        int base = Loopback.freeRange(10);
        StreamOptions fastRtcp = StreamOptions.defaults().withRtcpInterval(Duration.ofMillis(300));
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 7), null)) {
            RtpStream sender = engine.openStream(fastRtcp);
            RtpStream receiver = engine.openStream(fastRtcp.withSymmetricRtp(false)); // it sees the relay, answers the sender directly
            try (LossyRelay relay = new LossyRelay(base + 8, receiver.localPort(), 4733, 0.05, 0.05)) {
                sender.telephoneEventPayloadType(101);
                receiver.telephoneEventPayloadType(101);
                sender.connect(relay.address(), 0);
                receiver.connect(new InetSocketAddress(LOOPBACK, sender.localPort()), 0);
                List<DtmfEvent> digits = Collections.synchronizedList(new ArrayList<>());
                receiver.onDtmf(digits::add);

                Recording recording = receiver.record(dir.resolve("rx.wav"));
                sender.playTone(1000);
                await(() -> recording.recorded().toMillis() >= 3000, 8000, "3 s of received audio");
                recording.stop();

                short[] rx = WavFile.read(dir.resolve("rx.wav"));
                int frames = rx.length / 160;
                int tonal = 0;
                for (int i = 0; i < frames; i++) {
                    tonal += Loopback.hasTone(Loopback.frame(rx, i), 1000) ? 1 : 0;
                }
                assertTrue(frames >= 150, "frames " + frames);
                assertTrue(tonal >= 0.9 * frames, "1000 Hz in " + tonal + " of " + frames + " frames");

                for (char d : "159#".toCharArray()) {
                    sender.sendDtmf(d, Duration.ofMillis(100));
                }
                await(() -> digits.size() >= 4, 5000, "four digits");
                sender.stopPlaying();
                int dropped = relay.dropped();
                assertTrue(dropped >= 5, "the relay lost packets: " + dropped);
                assertTrue(relay.swapped() >= 3, "the relay reordered packets: " + relay.swapped());

                // the far end's RTCP report about the sender shows the relay's losses (2 may fall outside its count)
                await(() -> relay.dropped() == dropped && Math.abs(sender.quality().remotePacketsLost() - dropped) <= 2,
                        5000, "an RTCP receiver report with the loss; relay dropped " + dropped);
                assertEquals("159#", digits.stream().map(e -> String.valueOf(e.digit())).collect(Collectors.joining()),
                        "each digit once, in order");
                for (DtmfEvent e : digits) {
                    assertEquals(100, e.duration().toMillis(), 1, e.toString());
                }

                StreamQuality rq = receiver.quality();
                assertTrue(Math.abs(rq.packetsLost() - dropped) <= 2, rq.toString());
                assertTrue(rq.concealedFrames() >= 1, "concealment ran: " + rq);
                assertTrue(rq.mos() > 3.3 && rq.mos() < 4.4, "MOS " + rq.mos());
                StreamQuality sq = sender.quality();
                assertTrue(sq.packetsSent() >= 150, sq.toString());
                assertTrue(sq.remoteFractionLost() < 0.25, sq.toString());
                assertTrue(sq.roundTripMs() >= 0 && sq.roundTripMs() < 200, "RTT from LSR/DLSR: " + sq.roundTripMs());
                assertTrue(rq.packetsReceived() + rq.packetsLost() >= rq.packetsExpected() - 1, rq.toString());
            } finally {
                sender.close();
                receiver.close();
            }
        }
    }
}
