package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 3550 Appendix A.1 / A.3 / A.8. */
class SequenceTrackerTest {

    @Test
    void newSourceIsOnProbationUntilTwoInOrderPackets() {
        SequenceTracker t = new SequenceTracker(100);
        assertFalse(t.update(100));
        assertTrue(t.inProbation());
        assertTrue(t.update(101));
        assertFalse(t.inProbation());
        assertEquals(1, t.received());
        assertEquals(1, t.expected());
    }

    @Test
    void wrapsAroundIntoTheExtendedSequenceNumber() {
        SequenceTracker t = new SequenceTracker(65530);
        t.update(65530);
        for (int i = 65531; i < 65536 + 10; i++) {
            assertTrue(t.update(i & 0xFFFF));
        }
        assertEquals(65536 + 9, t.extendedMax());
        assertEquals(0, t.lost());
        assertEquals(65536 + 3, t.extend(3));
        assertEquals(65535, t.extend(65535), "a late packet from before the wrap stays in the previous cycle");
    }

    @Test
    void countsLossAndFractionPerInterval() {
        SequenceTracker t = new SequenceTracker(0);
        t.update(0);
        t.update(1);                       // probation ends: base 1
        for (int s = 2; s <= 101; s++) {
            if (s % 10 != 0) {
                t.update(s);
            }
        }
        assertEquals(101, t.expected());
        assertEquals(10, t.lost());
        assertEquals(25, t.fractionLostSinceLast(), "10 of 101, in 1/256");
        for (int s = 102; s <= 200; s++) {
            t.update(s);
        }
        assertEquals(0, t.fractionLostSinceLast(), "nothing lost in the second interval");
        assertEquals(10, t.lost());
    }

    @Test
    void reorderedAndDuplicatePacketsCount() {
        SequenceTracker t = new SequenceTracker(10);
        t.update(10);
        t.update(11);
        t.update(13);
        assertTrue(t.update(12), "reordered within MAX_MISORDER");
        assertEquals(13, t.extendedMax());
        assertEquals(0, t.lost());
        assertEquals(12, t.extend(12));
    }

    @Test
    void largeJumpIsAcceptedOnlyWhenTheNextPacketConfirmsIt() {
        SequenceTracker t = new SequenceTracker(10);
        t.update(10);
        t.update(11);
        assertFalse(t.update(30000), "jump of more than MAX_DROPOUT");
        assertTrue(t.update(30001), "confirmed: the source restarted");
        assertEquals(30001, t.extendedMax());
        assertEquals(0, t.lost());
    }

    @Test
    void jitterFollowsA8() {
        JitterEstimator j = new JitterEstimator(8000);
        long t0 = 1_000_000_000L;
        for (int i = 0; i < 100; i++) {
            j.update(160L * i, t0 + 20_000_000L * i); // perfectly regular
        }
        assertEquals(0, j.units());
        JitterEstimator k = new JitterEstimator(8000);
        for (int i = 0; i < 2000; i++) {
            long skew = i % 2 == 0 ? 0 : 10_000_000L; // every other packet 10 ms late: |D| = 80 units
            k.update(160L * i, t0 + 20_000_000L * i + skew);
        }
        assertEquals(80, k.units(), 1);
        assertEquals(10.0, k.millis(), 0.2);
    }
}
