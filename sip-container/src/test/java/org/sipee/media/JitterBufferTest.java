package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adaptive jitter buffer, driven with explicit times (no real clock). */
class JitterBufferTest {

    private static final long F = JitterBuffer.FRAME_NANOS;

    private static RtpPacket packet(int seq) {
        return new RtpPacket(false, 0, seq, 160L * seq, 1, new byte[] {(byte) seq});
    }

    /** Plays n intervals, returning the sequence numbers played (-1 for a concealed frame). */
    private static List<Integer> play(JitterBuffer jb, long from, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JitterBuffer.Playout p = jb.poll(from + i * F);
            if (p.kind() != JitterBuffer.Kind.IDLE) {
                out.add(p.kind() == JitterBuffer.Kind.FRAME ? p.packet().sequence() : -1);
            }
        }
        return out;
    }

    @Test
    void reordersByExtendedSequence() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        jb.put(2, packet(2), 0);
        jb.put(1, packet(1), 1);
        jb.put(4, packet(4), 2);
        jb.put(3, packet(3), 3);
        assertEquals(List.of(1, 2, 3, 4), play(jb, F, 4));
    }

    @Test
    void waitsTheTargetDelayBeforePlaying() {
        JitterBuffer jb = new JitterBuffer(3, 10);
        jb.put(10, packet(10), 0);
        assertEquals(JitterBuffer.Kind.IDLE, jb.poll(F).kind(), "still buffering");
        assertEquals(JitterBuffer.Kind.FRAME, jb.poll(2 * F).kind());
    }

    @Test
    void missingFrameIsConcealedAndLatePacketDroppedAndCounted() {
        JitterBuffer jb = new JitterBuffer(1, 10);
        jb.put(1, packet(1), 0);
        jb.put(3, packet(3), 0);
        assertEquals(List.of(1, -1, 3), play(jb, 0, 3));
        jb.put(2, packet(2), 3 * F);
        assertEquals(1, jb.latePackets());
        assertEquals(2, jb.targetFrames(), "a late packet raises the delay by a frame");
        jb.put(4, packet(4), 3 * F);
        jb.put(5, packet(5), 3 * F);
        assertEquals(List.of(-1, 4, 5), play(jb, 3 * F, 3), "one concealed frame inserted to grow the delay");
    }

    @Test
    void targetFollowsJitterWithinBounds() {
        JitterBuffer jb = new JitterBuffer(2, 8);
        jb.jitter(0);
        assertEquals(2, jb.targetFrames());
        jb.jitter(30); // 3 x 30 + 10 = 100 ms
        assertEquals(5, jb.targetFrames());
        jb.jitter(500);
        assertEquals(8, jb.targetFrames());
    }

    @Test
    void tooDeepQueueDropsAFrame() {
        JitterBuffer jb = new JitterBuffer(1, 10);
        for (int s = 0; s < 8; s++) {
            jb.put(s, packet(s), 0);
        }
        List<Integer> played = play(jb, 0, 6);
        assertTrue(jb.discardedFrames() > 0);
        assertEquals(8 - jb.discardedFrames(), played.stream().filter(s -> s >= 0).count(), played.toString());
        assertEquals(List.of(1, 3, 5, 6, 7), played.stream().filter(s -> s >= 0).toList());
    }

    @Test
    void reanchorsAfterAGapAndGoesIdle() {
        JitterBuffer jb = new JitterBuffer(1, 10);
        jb.put(1, packet(1), 0);
        assertEquals(List.of(1, -1, -1, -1), play(jb, 0, 4));
        jb.put(40, packet(40), 4 * F); // e.g. after a DTMF event: no 37 frames of concealment
        assertEquals(List.of(40), play(jb, 4 * F, 1));
        List<Integer> tail = play(jb, 5 * F, 100);
        assertTrue(tail.size() <= JitterBuffer.IDLE_AFTER_FRAMES + 3, "goes idle: " + tail.size());
        assertTrue(jb.idle());
    }
}
