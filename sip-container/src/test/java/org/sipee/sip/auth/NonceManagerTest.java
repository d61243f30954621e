package org.sipee.sip.auth;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.auth.NonceManager.Status.FRESH;
import static org.sipee.sip.auth.NonceManager.Status.STALE;
import static org.sipee.sip.auth.NonceManager.Status.UNKNOWN;

/** Self-validating nonces on a virtual clock: lifetime, forgery, nonce-count replay, bounded table. */
class NonceManagerTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final NonceManager nonces = new NonceManager(now::get, Duration.ofSeconds(300));

    @Test
    void aNonceIsFreshForItsLifetimeThenStale() {
        String nonce = nonces.issue();
        assertEquals(43, nonce.length());
        assertTrue(nonce.matches("[A-Za-z0-9_-]+"), "base64url: safe in a quoted-string");
        assertEquals(FRESH, nonces.status(nonce));
        now.addAndGet(300_000);
        assertEquals(FRESH, nonces.status(nonce));
        now.addAndGet(1);
        assertEquals(STALE, nonces.status(nonce));
    }

    @Test
    void noncesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(nonces.issue()));
        }
    }

    @Test
    void forgedDamagedOrForeignNoncesAreUnknown() {
        String nonce = nonces.issue();
        char last = nonce.charAt(20);
        assertEquals(UNKNOWN, nonces.status(nonce.substring(0, 20) + (last == 'A' ? 'B' : 'A') + nonce.substring(21)));
        assertEquals(UNKNOWN, nonces.status(nonce.substring(1)));
        assertEquals(UNKNOWN, nonces.status(nonce + "A"));
        assertEquals(UNKNOWN, nonces.status("!".repeat(43)));
        assertEquals(UNKNOWN, nonces.status(null));
        assertEquals(UNKNOWN, new NonceManager(now::get, Duration.ofSeconds(300)).status(nonce), "another key (restart)");
        assertFalse(nonces.accept("x".repeat(43), 1));
    }

    @Test
    void anotherSpellingOfTheSameBytesIsUnknown() {
        String nonce = nonces.issue();
        // 43 base64 characters carry 258 bits: the last one has 2 spare bits, which must be zero
        char lastChar = nonce.charAt(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String other = nonce.substring(0, 42) + alphabet.charAt(alphabet.indexOf(lastChar) | 1);
        assertEquals(UNKNOWN, nonces.status(other));
    }

    @Test
    void theNonceCountMustIncrease() {
        String nonce = nonces.issue();
        assertTrue(nonces.accept(nonce, 1));
        assertFalse(nonces.accept(nonce, 1), "replay");
        assertTrue(nonces.accept(nonce, 3));
        assertFalse(nonces.accept(nonce, 2), "older count");
        assertTrue(nonces.accept(nonce, 4));
    }

    @Test
    void aLegacyResponseUsesItsNonceOnce() {
        String nonce = nonces.issue();
        assertTrue(nonces.accept(nonce, 1));
        assertFalse(nonces.accept(nonce, 1));
    }

    @Test
    void theTableIsBoundedAndAnEvictedNonceCannotBeReplayed() {
        NonceManager small = new NonceManager(now::get, Duration.ofSeconds(300), 3);
        String first = small.issue();
        now.incrementAndGet();
        assertTrue(small.accept(first, 1));
        for (int i = 0; i < 3; i++) {
            now.incrementAndGet();
            assertTrue(small.accept(small.issue(), 1));
        }
        assertEquals(3, small.tracked());
        assertEquals(FRESH, small.status(first));
        assertFalse(small.accept(first, 2), "evicted: refused (stale), not accepted as new");
        now.incrementAndGet();
        assertTrue(small.accept(small.issue(), 1), "nonces issued after the eviction are fine");
    }

    @Test
    void staleEntriesLeaveTheTable() {
        assertTrue(nonces.accept(nonces.issue(), 1));
        now.addAndGet(300_001);
        assertTrue(nonces.accept(nonces.issue(), 1));
        assertEquals(1, nonces.tracked());
    }
}
