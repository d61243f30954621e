package org.sipee.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks nonces (RFC 7616 §3.3, §5.4). A nonce is base64url(timestamp, 8 random bytes, the first
 * 16 bytes of HMAC-SHA256 over both under a per-process random key): one we did not issue, or issued before a
 * restart, is told apart without any state. A bounded table keeps the highest nonce count accepted per nonce, so
 * that a replayed nc is refused (RFC 7616 §3.4: nc must increase); a legacy response without qop may use its
 * nonce once. Evicting the oldest entry raises a low-water mark: a nonce issued before it and not in the table
 * is treated as stale, so eviction never reopens a replay. Thread-safe.
 */
public final class NonceManager {

    /** What a nonce is worth. */
    public enum Status {
        /** Issued by us and within its lifetime. */
        FRESH,
        /** Issued by us, but older than its lifetime (challenge again with stale=true). */
        STALE,
        /** Not issued by this process: forged, damaged, or from before a restart. */
        UNKNOWN
    }

    static final int DEFAULT_CAPACITY = 100_000;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = Long.BYTES + RANDOM_BYTES + MAC_BYTES;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    private final LongSupplier clock;
    private final long lifetimeMillis;
    private final int capacity;
    private final Map<String, Use> uses = new LinkedHashMap<>();
    private long evictedIssuedAt = Long.MIN_VALUE;

    private record Use(long issuedAt, long highestCount) {
    }

    public NonceManager(LongSupplier clockMillis, Duration lifetime) {
        this(clockMillis, lifetime, DEFAULT_CAPACITY);
    }

    NonceManager(LongSupplier clockMillis, Duration lifetime, int capacity) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime must be positive, was " + lifetime);
        }
        this.clock = clockMillis;
        this.lifetimeMillis = lifetime.toMillis();
        this.capacity = capacity;
        random.nextBytes(key);
    }

    /** A new nonce: 43 characters of base64url. */
    public String issue() {
        ByteBuffer buffer = ByteBuffer.allocate(NONCE_BYTES).putLong(clock.getAsLong());
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        buffer.put(salt).put(mac(buffer.array(), Long.BYTES + RANDOM_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** Checks authenticity and age only; no state is read or changed. */
    public Status status(String nonce) {
        long issuedAt = issuedAt(nonce);
        if (issuedAt == Long.MIN_VALUE) {
            return Status.UNKNOWN;
        }
        long age = clock.getAsLong() - issuedAt;
        return age < 0 ? Status.UNKNOWN : age > lifetimeMillis ? Status.STALE : Status.FRESH;
    }

    /**
     * Records one use of a {@link Status#FRESH} nonce after its response was verified: true when {@code count}
     * is above every count accepted so far for it (a legacy response without qop counts as 1, so it is accepted
     * once); false for a replay, or a nonce no longer tracked.
     */
    public synchronized boolean accept(String nonce, long count) {
        long issuedAt = issuedAt(nonce);
        Use use = uses.get(nonce);
        if (issuedAt == Long.MIN_VALUE || use == null && issuedAt <= evictedIssuedAt
                || use != null && count <= use.highestCount()) {
            return false;
        }
        uses.remove(nonce); // re-inserted last: the table is in order of last use
        uses.put(nonce, new Use(issuedAt, count));
        evict();
        return true;
    }

    /** Nonces in the replay table. */
    public synchronized int tracked() {
        return uses.size();
    }

    /** Drops entries beyond the capacity and, from the oldest, those stale anyway. */
    private void evict() {
        long now = clock.getAsLong();
        var oldest = uses.entrySet().iterator();
        while (oldest.hasNext()) {
            Use use = oldest.next().getValue();
            boolean stale = now - use.issuedAt() > lifetimeMillis;
            if (!stale && uses.size() <= capacity) {
                return;
            }
            evictedIssuedAt = Math.max(evictedIssuedAt, use.issuedAt());
            oldest.remove();
        }
    }

    /** The issue time of a nonce we issued, else Long.MIN_VALUE. */
    private long issuedAt(String nonce) {
        if (nonce == null || nonce.length() != 43) {
            return Long.MIN_VALUE;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Long.MIN_VALUE;
        }
        if (bytes.length != NONCE_BYTES || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(nonce)) {
            return Long.MIN_VALUE; // one spelling per nonce: the replay table is keyed by the text
        }
        byte[] given = Arrays.copyOfRange(bytes, Long.BYTES + RANDOM_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(given, mac(bytes, Long.BYTES + RANDOM_BYTES))) {
            return Long.MIN_VALUE;
        }
        return ByteBuffer.wrap(bytes).getLong();
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(data, 0, length);
            return Arrays.copyOf(hmac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide HmacSHA256", e);
        }
    }
}
