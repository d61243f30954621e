package org.sipee.sip.overload;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bans after too many events in a window, on a virtual clock, with bounded memory. */
class SourceBansTest {

    private final AtomicLong now = new AtomicLong();
    private final SourceBans tracker = new SourceBans(3, Duration.ofSeconds(60), Duration.ofSeconds(300),
            now::get, 4);

    @Test
    void maxFailuresWithinTheWindowBanUntilTheBanTimeIsOver() throws UnknownHostException {
        InetAddress attacker = ip(1);
        assertFalse(tracker.count(attacker));
        now.addAndGet(10_000);
        assertFalse(tracker.count(attacker));
        assertFalse(tracker.isBanned(attacker));
        assertTrue(tracker.count(attacker));
        assertTrue(tracker.isBanned(attacker));
        assertEquals(300_000, tracker.banRemainingMillis(attacker));
        assertFalse(tracker.isBanned(ip(2)), "per source");
        now.addAndGet(299_999);
        assertTrue(tracker.isBanned(attacker));
        now.addAndGet(1);
        assertFalse(tracker.isBanned(attacker), "un-banned after banTime");
        assertFalse(tracker.count(attacker), "and counting from zero again");
    }

    @Test
    void failuresSpreadOverWindowsDoNotBan() throws UnknownHostException {
        InetAddress slow = ip(1);
        for (int i = 0; i < 10; i++) {
            tracker.count(slow);
            tracker.count(slow);
            now.addAndGet(60_000);
        }
        assertFalse(tracker.isBanned(slow));
    }

    @Test
    void memoryIsBoundedAndABannedSourceThatKeepsTryingStaysTracked() throws UnknownHostException {
        InetAddress attacker = ip(200);
        for (int i = 0; i < 3; i++) {
            tracker.count(attacker);
        }
        for (int i = 1; i <= 50; i++) {
            tracker.count(ip(i));
            assertTrue(tracker.isBanned(attacker));
        }
        assertEquals(4, tracker.tracked());
    }

    private static InetAddress ip(int last) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) last});
    }
}
