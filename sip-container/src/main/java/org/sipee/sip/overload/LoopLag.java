package org.sipee.sip.overload;

import java.util.function.LongSupplier;

import org.sipee.sip.transaction.TimerScheduler;

/**
 * How late the event loop runs a task that is due: its own overload signal, since datagrams waiting in the socket
 * cannot be counted. A probe task every {@link #PERIOD_MILLIS} records by how much it ran late; while the next probe
 * is overdue, the lag is at least that long.
 */
public final class LoopLag implements AutoCloseable {

    static final long PERIOD_MILLIS = 20;

    private final TimerScheduler scheduler;
    private final LongSupplier clock;
    private volatile long dueAt;
    private volatile long measured;
    private volatile boolean closed;
    private TimerScheduler.Timer probe;

    /** Starts probing; call on the loop the scheduler runs on. */
    public LoopLag(TimerScheduler scheduler, LongSupplier clockMillis) {
        this.scheduler = scheduler;
        this.clock = clockMillis;
        arm();
    }

    /** The lag now, in milliseconds. */
    public long millis() {
        return Math.max(measured, clock.getAsLong() - dueAt);
    }

    private void arm() {
        dueAt = clock.getAsLong() + PERIOD_MILLIS;
        probe = scheduler.schedule(this::ran, PERIOD_MILLIS);
    }

    private void ran() {
        measured = Math.max(0, clock.getAsLong() - dueAt);
        if (!closed) {
            arm();
        }
    }

    /** Stops probing; call on the loop. */
    @Override
    public void close() {
        closed = true;
        probe.cancel();
    }
}
