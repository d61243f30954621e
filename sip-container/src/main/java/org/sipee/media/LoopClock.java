package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The 20 ms clock of one event loop, shared by the packet clocks of all its streams: one scheduled task per
 * loop rather than one per stream, so 500 streams wake the loop 50 times a second instead of 25 000, and
 * each wake-up sends a batch. It runs only while some stream's clock is started. Loop-confined.
 */
final class LoopClock {

    static final long INTERVAL_NANOS = 20_000_000L;
    private static final System.Logger LOG = System.getLogger(LoopClock.class.getName());

    private final EventLoop loop;
    private final List<PacketClock> clocks = new ArrayList<>();
    private ScheduledFuture<?> task;

    LoopClock(EventLoop loop) {
        this.loop = loop;
    }

    /** Ticks {@code clock} from the next interval on; starts the loop's clock for the first one. */
    void add(PacketClock clock) {
        clock.slot = clocks.size();
        clocks.add(clock);
        if (task == null) {
            task = loop.scheduleAtFixedRate(this::tick, 0, INTERVAL_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops ticking {@code clock} (its slot is taken by the last one); stops the loop's clock after the last. */
    void remove(PacketClock clock) {
        PacketClock last = clocks.remove(clocks.size() - 1);
        if (last != clock) {
            clocks.set(clock.slot, last);
            last.slot = clock.slot;
        }
        clock.slot = -1;
        if (clocks.isEmpty()) {
            task.cancel(false);
            task = null;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        // Backwards: a clock that stops itself during its tick is replaced by the last one, already ticked.
        for (int i = clocks.size() - 1; i >= 0; i--) {
            try {
                clocks.get(i).tick(now);
            } catch (RuntimeException e) { // one stream's failure must not end the task that ticks all of them
                LOG.log(System.Logger.Level.WARNING, "packet clock tick failed", e);
            }
        }
    }
}
