package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports once when no RTP has arrived for the timeout, counted from the last packet or, before any,
 * from when the stream was connected (or the timeout set). Fires again only after packets resumed and
 * stopped again. Checked on the event loop by the stream's timer.
 */
final class MediaTimeout {

    private final long timeoutNanos;
    private final Runnable callback;
    private final long armedAt;
    private long firedFor = Long.MIN_VALUE;

    MediaTimeout(long timeoutNanos, Runnable callback, long nowNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("media timeout must be positive");
        }
        this.timeoutNanos = timeoutNanos;
        this.callback = callback;
        this.armedAt = nowNanos;
    }

    /** How often to check: a quarter of the timeout, 20 ms .. 1 s. */
    long checkPeriodNanos() {
        return Math.max(20_000_000L, Math.min(1_000_000_000L, timeoutNanos / 4));
    }

    /** Checks periodically on {@code loop}; cancel the returned future to stop. */
    ScheduledFuture<?> schedule(EventLoop loop, LongSupplier lastPacketNanos, LongSupplier connectedAtNanos) {
        long period = checkPeriodNanos();
        return loop.scheduleAtFixedRate(() -> check(System.nanoTime(), lastPacketNanos.getAsLong(), connectedAtNanos.getAsLong()),
                period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * @param lastPacketNanos  arrival of the last accepted RTP packet, -1 if none
     * @param connectedAtNanos when connect() first ran, -1 if not yet
     * @return true when it fired now
     */
    boolean check(long nowNanos, long lastPacketNanos, long connectedAtNanos) {
        if (connectedAtNanos < 0 && lastPacketNanos < 0) {
            return false; // neither connected nor any packet yet
        }
        long since = Math.max(Math.max(armedAt, connectedAtNanos), lastPacketNanos);
        if (since == firedFor || nowNanos - since < timeoutNanos) {
            return false;
        }
        firedFor = since;
        try {
            callback.run();
        } catch (RuntimeException e) { // must not end the periodic check
            System.getLogger(MediaTimeout.class.getName()).log(System.Logger.Level.WARNING, "media timeout callback failed", e);
        }
        return true;
    }
}
