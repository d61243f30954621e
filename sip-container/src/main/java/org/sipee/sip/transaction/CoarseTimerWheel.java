package org.sipee.sip.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Timers of seconds (RFC 3261's Timers B, D, F, H, J, L, M of 64*T1 and I, K of T4) in a hashed wheel of
 * {@link #TICK_MILLIS} slots that the event loop advances once a tick. Scheduling and cancelling cost O(1); the
 * loop's own scheduled-task queue costs O(log n) in the live timers, some hundred thousand at a few thousand calls a
 * second, nearly all of them cancelled before they fire. A timer fires at most two ticks late, never early.
 * Every method runs on the event loop.
 */
final class CoarseTimerWheel {

    private static final System.Logger LOG = System.getLogger(CoarseTimerWheel.class.getName());
    static final long TICK_MILLIS = 100;
    /** One turn is 51.2 s, longer than every 64*T1 timer; a longer one waits out whole turns in its slot. */
    private static final int SLOTS = 512;

    private final LongSupplier clockMillis;
    private final long start;
    private final List<Entry>[] slots;
    /** Every tick up to and including this one has run. */
    private long lastTick;

    @SuppressWarnings("unchecked")
    CoarseTimerWheel(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.start = clockMillis.getAsLong();
        this.slots = new List[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new ArrayList<>();
        }
    }

    TimerScheduler.Timer schedule(Runnable task, long delayMillis) {
        // the tick now may be nearly over: one more, so the timer never fires before its delay
        long due = tickNow() + 1 + (delayMillis + TICK_MILLIS - 1) / TICK_MILLIS;
        Entry entry = new Entry(task, due);
        slots[slot(due)].add(entry);
        return entry;
    }

    /** Runs what is due in every tick since the last call. */
    void advance() {
        long now = tickNow();
        while (lastTick < now) {
            lastTick++;
            int index = slot(lastTick);
            List<Entry> slot = slots[index];
            if (slot.isEmpty()) {
                continue;
            }
            List<Entry> kept = new ArrayList<>();
            slots[index] = kept; // a task run below may schedule into this slot for a later turn
            for (Entry entry : slot) {
                if (entry.cancelled()) {
                    continue;
                }
                if (entry.dueTick > lastTick) {
                    kept.add(entry);
                } else {
                    entry.run();
                }
            }
        }
    }

    private long tickNow() {
        return (clockMillis.getAsLong() - start) / TICK_MILLIS;
    }

    private static int slot(long tick) {
        return (int) (tick & (SLOTS - 1));
    }

    /** A timer; its task is dropped when it runs or is cancelled, so that a cancelled timer holds nothing. */
    private static final class Entry implements TimerScheduler.Timer {
        private final long dueTick;
        private volatile Runnable task;

        Entry(Runnable task, long dueTick) {
            this.task = task;
            this.dueTick = dueTick;
        }

        boolean cancelled() {
            return task == null;
        }

        void run() {
            Runnable toRun = task;
            task = null;
            if (toRun == null) {
                return; // cancelled from another thread meanwhile
            }
            try {
                toRun.run();
            } catch (RuntimeException e) { // as the loop's own scheduled tasks: logged, the other timers still run
                LOG.log(System.Logger.Level.WARNING, "a timer task failed", e);
            }
        }

        @Override
        public void cancel() {
            task = null;
        }
    }
}
