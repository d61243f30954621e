package org.sipee.media;

import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketQueueTest {

    private static RtpPacket packet(long seq) {
        return new RtpPacket(false, 0, (int) (seq & 0xFFFF), seq * 160, 1, new byte[0]);
    }

    @Test
    void keepsPacketsInSequenceOrderWhateverTheArrivalOrder() {
        PacketQueue q = new PacketQueue();
        RtpPacket p12 = packet(12);
        q.putIfAbsent(10, packet(10));
        q.putIfAbsent(12, p12);
        q.putIfAbsent(11, packet(11));
        q.putIfAbsent(12, packet(12)); // a duplicate: the first one stays
        assertEquals(3, q.size());
        assertEquals(10, q.firstKey());
        assertEquals(12, q.lastKey());
        assertNull(q.remove(9));
        assertEquals(11, q.remove(11).sequence());
        q.dropBefore(12);
        assertSame(p12, q.remove(12));
        assertTrue(q.isEmpty());
    }

    @Test
    void behavesLikeASortedMapUnderRandomTraffic() {
        PacketQueue q = new PacketQueue();
        TreeMap<Long, RtpPacket> reference = new TreeMap<>();
        Random random = new Random(7);
        long next = 1000;
        for (int i = 0; i < 50_000; i++) {
            int op = random.nextInt(10);
            if (op < 6) { // mostly in order, sometimes late, early or duplicated
                long key = next + random.nextInt(9) - 4;
                next++;
                RtpPacket p = packet(key);
                q.putIfAbsent(key, p);
                reference.putIfAbsent(key, p);
            } else if (op < 8 && !reference.isEmpty()) {
                long key = reference.firstKey() + random.nextInt(3);
                assertSame(reference.remove(key), q.remove(key));
            } else if (op == 8 && !reference.isEmpty()) {
                long key = reference.firstKey() + random.nextInt(4);
                reference.headMap(key, false).clear();
                q.dropBefore(key);
            } else if (random.nextInt(50) == 0) {
                reference.clear();
                q.clear();
            }
            assertEquals(reference.size(), q.size());
            if (!reference.isEmpty()) {
                assertEquals(reference.firstKey(), q.firstKey());
                assertEquals(reference.lastKey(), q.lastKey());
            }
        }
    }
}
