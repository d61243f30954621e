package org.sipee.sip.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Abuse protection in the manner of fail2ban or Kamailio's pike: authentication failures are counted per source
 * address in a fixed window; {@code maxFailures} within one window ban the source for {@code banTime}. Memory is
 * bounded: at most {@code capacity} sources are tracked, the least recently seen one is dropped first (a source
 * that keeps trying stays tracked). Thread-safe.
 */
public final class AuthFailureTracker {

    static final int DEFAULT_CAPACITY = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final long banMillis;
    private final LongSupplier clock;
    private final Map<InetAddress, Source> sources;

    private static final class Source {
        long windowStart;
        int failures;
        long bannedUntil = Long.MIN_VALUE;
    }

    public AuthFailureTracker(int maxFailures, Duration window, Duration banTime, LongSupplier clockMillis) {
        this(maxFailures, window, banTime, clockMillis, DEFAULT_CAPACITY);
    }

    AuthFailureTracker(int maxFailures, Duration window, Duration banTime, LongSupplier clockMillis, int capacity) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.banMillis = banTime.toMillis();
        this.clock = clockMillis;
        this.sources = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Source> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the source is banned now. */
    public synchronized boolean isBanned(InetAddress source) {
        Source s = sources.get(source);
        return s != null && clock.getAsLong() < s.bannedUntil;
    }

    /** Counts one failure; returns true when the source is banned (now or already). */
    public synchronized boolean recordFailure(InetAddress source) {
        long now = clock.getAsLong();
        Source s = sources.computeIfAbsent(source, a -> new Source());
        if (now < s.bannedUntil) {
            return true;
        }
        if (s.failures == 0 || now - s.windowStart >= windowMillis) {
            s.windowStart = now;
            s.failures = 0;
        }
        if (++s.failures >= maxFailures) {
            s.bannedUntil = now + banMillis;
            s.failures = 0;
            return true;
        }
        return false;
    }

    /** Sources tracked (failing or banned). */
    public synchronized int tracked() {
        return sources.size();
    }
}
