package org.sipee.media;

import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ticks conference mixers every 20 ms on one executor (a Netty event loop, the server's managed scheduled
 * executor): one scheduled task for all its rooms, as {@link LoopClock} does for streams, running only while
 * it has a mixer. At a fixed rate, so a tick delayed by a busy thread is caught up and the participants'
 * input queues do not fill. Thread-safe.
 */
public final class ConferenceClock {

    private static final System.Logger LOG = System.getLogger(ConferenceClock.class.getName());

    private final ScheduledExecutorService executor;
    private volatile ConferenceMixer[] mixers = new ConferenceMixer[0];
    private ScheduledFuture<?> task;

    public ConferenceClock(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Ticks {@code mixer} from the next interval on; starts the clock for the first one. */
    public synchronized void add(ConferenceMixer mixer) {
        if (Arrays.asList(mixers).contains(mixer)) {
            return;
        }
        ConferenceMixer[] next = Arrays.copyOf(mixers, mixers.length + 1);
        next[mixers.length] = mixer;
        mixers = next;
        if (task == null) {
            task = executor.scheduleAtFixedRate(this::tick, LoopClock.INTERVAL_NANOS, LoopClock.INTERVAL_NANOS,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Stops ticking {@code mixer} (a tick in progress completes); stops the clock after the last one. */
    public synchronized void remove(ConferenceMixer mixer) {
        ConferenceMixer[] next = Arrays.stream(mixers).filter(m -> m != mixer).toArray(ConferenceMixer[]::new);
        mixers = next;
        if (next.length == 0 && task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void tick() {
        for (ConferenceMixer m : mixers) {
            try {
                m.tick();
            } catch (RuntimeException e) { // one room's failure must not end the task that ticks all of them
                LOG.log(System.Logger.Level.WARNING, "conference tick failed", e);
            }
        }
    }
}
