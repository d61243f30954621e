package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The small receive-path nodes, driven with explicit times. */
class ReceiveNodesTest {

    private static final long MS = 1_000_000L;

    private static RtpPacket audio(int seq, int ssrc) {
        return new RtpPacket(false, 0, seq, 160L * seq, ssrc, new byte[160]);
    }

    @Test
    void statisticsFollowOneSourceAndSwitchAfterItFallsSilent() {
        ReceiveStatistics st = new ReceiveStatistics(pt -> pt == 0);
        assertEquals(100, st.accept(audio(100, 1), 0));
        assertEquals(101, st.accept(audio(101, 1), 20 * MS));
        assertEquals(-1, st.accept(audio(5, 2), 30 * MS), "another SSRC while the first is active");
        assertEquals(1, st.foreignPackets());
        assertEquals(7, st.accept(audio(7, 2), 40 * MS + ReceiveStatistics.SOURCE_SWITCH_NANOS), "the first fell silent");
        assertEquals(2, st.ssrc());
        Rtcp.ReportBlock b = st.reportBlock(0);
        assertNull(b, "new source still on probation");
        st.accept(audio(8, 2), 600 * MS);
        assertEquals(8, st.reportBlock(600 * MS).extendedHighest());
    }

    @Test
    void receivePathReordersDecodesAndConceals() {
        ReceivePath path = new ReceivePath(2, 10);
        List<short[]> frames = new ArrayList<>();
        path.addSink(frames::add);
        ToneGenerator tone = new ToneGenerator(1000, -10);
        List<RtpPacket> packets = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            packets.add(new RtpPacket(false, 0, s, 160L * s, 9, G711Codec.PCMU.encode(tone.nextFrame())));
        }
        java.util.Collections.swap(packets, 3, 4);
        packets.remove(10); // lost
        long t = 0;
        for (RtpPacket p : packets) {
            assertTrue(path.onPacket(p, t));
            path.tick(t + 10 * MS);
            t += 20 * MS;
        }
        for (int i = 0; i < 5; i++) {
            path.tick(t + 10 * MS);
            t += 20 * MS;
        }
        long tonal = frames.stream().filter(f -> Loopback.hasTone(f, 1000)).count();
        assertTrue(tonal >= 19, "tonal frames " + tonal + " of " + frames.size());
        assertEquals(0, path.jitterBuffer().latePackets());
        assertTrue(path.concealedFrames() >= 1);
    }

    /** RFC 3551 §4.5: packets of 30 ms (240 samples) play out as 20 ms frames, in order and without concealment. */
    @Test
    void thirtyMillisecondPacketsPlayAtTheirOwnPace() {
        ReceivePath path = new ReceivePath(2, 10);
        List<short[]> frames = new ArrayList<>();
        path.addSink(frames::add);
        short[] sent = new short[240 * 20];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (short) (i * 4);
        }
        sent = G711Codec.PCMU.decode(G711Codec.PCMU.encode(sent));
        long t = 0;
        for (int tick = 0, next = 0; tick < 30; tick++, t += 20 * MS) {
            for (; next < 20 && next * 30 * MS <= t; next++) {
                byte[] payload = G711Codec.PCMU.encode(Arrays.copyOfRange(sent, next * 240, next * 240 + 240));
                path.onPacket(new RtpPacket(false, 0, next, 240L * next, 9, payload), t);
            }
            path.tick(t + 10 * MS);
        }
        assertEquals(0, path.concealedFrames(), "no packet went missing");
        assertTrue(frames.size() >= 27, "frames " + frames.size());
        for (int f = 0; f < frames.size(); f++) {
            assertEquals(160, frames.get(f).length);
            short[] expected = Arrays.copyOfRange(sent, 160 * f, 160 * f + 160);
            assertTrue(Arrays.equals(expected, frames.get(f)), "frame " + f + " plays samples " + 160 * f + "..");
        }
    }

    @Test
    void symmetricLatchNeedsTwoPacketsFromTheNewSource() {
        InetSocketAddress sdp = new InetSocketAddress("127.0.0.1", 4000);
        InetSocketAddress nat = new InetSocketAddress("127.0.0.1", 5000);
        SymmetricLatch latch = new SymmetricLatch(true);
        latch.configured(sdp);
        latch.observe(nat);
        assertEquals(sdp, latch.target(), "one stray packet does not redirect");
        latch.observe(nat);
        assertEquals(nat, latch.target());
        assertTrue(latch.latched());
        SymmetricLatch off = new SymmetricLatch(false);
        off.configured(sdp);
        off.observe(nat);
        off.observe(nat);
        assertEquals(sdp, off.target());
        assertFalse(off.latched());
    }

    @Test
    void mediaTimeoutFiresOncePerSilenceAndNotBeforeConnectOrPackets() {
        AtomicInteger fired = new AtomicInteger();
        MediaTimeout m = new MediaTimeout(1000 * MS, fired::incrementAndGet, 0);
        assertFalse(m.check(5000 * MS, -1, -1), "neither connected nor any packet");
        assertFalse(m.check(900 * MS, -1, 0));
        assertTrue(m.check(1000 * MS, -1, 0), "a second after connect");
        assertFalse(m.check(3000 * MS, -1, 0), "once per silence");
        assertFalse(m.check(3500 * MS, 3000 * MS, 0), "packets resumed");
        assertTrue(m.check(4000 * MS, 3000 * MS, 0), "and stopped again");
        assertEquals(2, fired.get());
    }

    @Test
    void jitterBufferResetsWhenTheSenderRestartsItsNumbering() {
        JitterBuffer jb = new JitterBuffer(1, 10);
        jb.put(5000, audio(5000, 1), 0);
        assertEquals(JitterBuffer.Kind.FRAME, jb.poll(0).kind());
        jb.put(10, audio(10, 1), 20 * MS);
        assertEquals(0, jb.latePackets(), "far behind is a restart, not lateness");
        assertEquals(10, jb.poll(20 * MS).packet().sequence());
    }
}
