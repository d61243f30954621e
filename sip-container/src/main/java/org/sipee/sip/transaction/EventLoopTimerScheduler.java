package org.sipee.sip.transaction;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Timers on a Netty event loop; the tasks run on that loop. Timers of {@link #COARSE_FROM_MILLIS} or more scheduled
 * on the loop go to a {@link CoarseTimerWheel} the loop advances each tick; shorter ones (the retransmission timers
 * A, E, G from T1) and those scheduled from other threads to the loop's own queue.
 */
public final class EventLoopTimerScheduler implements TimerScheduler {

    static final long COARSE_FROM_MILLIS = 1000;

    private final EventExecutor executor;
    private final CoarseTimerWheel wheel;

    public EventLoopTimerScheduler(EventExecutor executor, LongSupplier monotonicMillis) {
        this.executor = executor;
        this.wheel = new CoarseTimerWheel(monotonicMillis);
        long tick = CoarseTimerWheel.TICK_MILLIS;
        executor.scheduleAtFixedRate(wheel::advance, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        if (delayMillis >= COARSE_FROM_MILLIS && executor.inEventLoop()) {
            return wheel.schedule(task, delayMillis);
        }
        ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
