package org.sipee.sip.transaction;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

/** Timers on a Netty event loop; the tasks run on that loop. */
public final class EventLoopTimerScheduler implements TimerScheduler {

    private final EventExecutor executor;

    public EventLoopTimerScheduler(EventExecutor executor) {
        this.executor = executor;
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
