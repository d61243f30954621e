package org.sipee.sip.transaction;

import java.util.Comparator;
import java.util.PriorityQueue;

/** A virtual clock for timer tests: tasks run when {@link #advance(long)} moves time past them. */
public final class ManualScheduler implements TimerScheduler {

    private record Entry(long due, long seq, Runnable task, boolean[] cancelled) {
    }

    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq));
    private long now;
    private long seq;

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        boolean[] cancelled = {false};
        queue.add(new Entry(now + delayMillis, seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    public void advance(long millis) {
        long target = now + millis;
        while (!queue.isEmpty() && queue.peek().due() <= target) {
            Entry next = queue.poll();
            now = next.due();
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
        now = target;
    }

    public long pending() {
        return queue.stream().filter(e -> !e.cancelled()[0]).count();
    }
}
