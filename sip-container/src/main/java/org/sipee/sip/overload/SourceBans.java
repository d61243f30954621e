package org.sipee.sip.overload;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-source limits in the manner of Kamailio's pike or fail2ban: events (requests, authentication failures) are
 * counted per source address in a fixed window; {@code limit} within one window ban the source for {@code banTime}.
 * Memory is bounded: at most {@code capacity} sources are tracked, the least recently seen one is dropped first (a
 * source that keeps sending stays tracked). Thread-safe.
 */
public final class SourceBans {

    static final int DEFAULT_CAPACITY = 10_000;

    private final int limit;
    private final long windowMillis;
    private final long banMillis;
    private final LongSupplier clock;
    private final Map<InetAddress, Source> sources;

    private static final class Source {
        long windowStart;
        int events;
        long bannedUntil = Long.MIN_VALUE;
    }

    public SourceBans(int limit, Duration window, Duration banTime, LongSupplier clockMillis) {
        this(limit, window, banTime, clockMillis, DEFAULT_CAPACITY);
    }

    SourceBans(int limit, Duration window, Duration banTime, LongSupplier clockMillis, int capacity) {
        this.limit = limit;
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
        return banRemainingMillis(source) > 0;
    }

    /** How long the source stays banned, 0 when it is not. */
    public synchronized long banRemainingMillis(InetAddress source) {
        Source s = sources.get(source);
        long now = clock.getAsLong();
        return s == null || now >= s.bannedUntil ? 0 : s.bannedUntil - now;
    }

    /** Counts one event; returns true when the source is banned (now or already). */
    public synchronized boolean count(InetAddress source) {
        long now = clock.getAsLong();
        Source s = sources.computeIfAbsent(source, a -> new Source());
        if (now < s.bannedUntil) {
            return true;
        }
        if (s.events == 0 || now - s.windowStart >= windowMillis) {
            s.windowStart = now;
            s.events = 0;
        }
        if (++s.events >= limit) {
            s.bannedUntil = now + banMillis;
            s.events = 0;
            return true;
        }
        return false;
    }

    /** Sources tracked (counted or banned). */
    public synchronized int tracked() {
        return sources.size();
    }
}
