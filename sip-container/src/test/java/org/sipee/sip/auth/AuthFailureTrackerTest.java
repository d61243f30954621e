package org.sipee.sip.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bans after repeated failures, on a virtual clock, with bounded memory; AuthPolicy validation. */
class AuthFailureTrackerTest {

    private final AtomicLong now = new AtomicLong();
    private final AuthFailureTracker tracker = new AuthFailureTracker(3, Duration.ofSeconds(60), Duration.ofSeconds(300),
            now::get, 4);

    @Test
    void maxFailuresWithinTheWindowBanUntilTheBanTimeIsOver() throws UnknownHostException {
        InetAddress attacker = ip(1);
        assertFalse(tracker.recordFailure(attacker));
        now.addAndGet(10_000);
        assertFalse(tracker.recordFailure(attacker));
        assertFalse(tracker.isBanned(attacker));
        assertTrue(tracker.recordFailure(attacker));
        assertTrue(tracker.isBanned(attacker));
        assertFalse(tracker.isBanned(ip(2)), "per source");
        now.addAndGet(299_999);
        assertTrue(tracker.isBanned(attacker));
        now.addAndGet(1);
        assertFalse(tracker.isBanned(attacker), "un-banned after banTime");
        assertFalse(tracker.recordFailure(attacker), "and counting from zero again");
    }

    @Test
    void failuresSpreadOverWindowsDoNotBan() throws UnknownHostException {
        InetAddress slow = ip(1);
        for (int i = 0; i < 10; i++) {
            tracker.recordFailure(slow);
            tracker.recordFailure(slow);
            now.addAndGet(60_000);
        }
        assertFalse(tracker.isBanned(slow));
    }

    @Test
    void memoryIsBoundedAndABannedSourceThatKeepsTryingStaysTracked() throws UnknownHostException {
        InetAddress attacker = ip(200);
        for (int i = 0; i < 3; i++) {
            tracker.recordFailure(attacker);
        }
        for (int i = 1; i <= 50; i++) {
            tracker.recordFailure(ip(i));
            assertTrue(tracker.isBanned(attacker));
        }
        assertEquals(4, tracker.tracked());
    }

    @Test
    void policyDefaultsAndValidation() {
        AuthPolicy defaults = AuthPolicy.defaults();
        assertEquals(Duration.ofSeconds(300), defaults.nonceLifetime());
        assertEquals(5, defaults.maxFailures());
        assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(Duration.ZERO, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(Duration.ofSeconds(1), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), null));
        assertTrue(e.getMessage().startsWith("banTime"));
    }

    private static InetAddress ip(int last) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) last});
    }
}
