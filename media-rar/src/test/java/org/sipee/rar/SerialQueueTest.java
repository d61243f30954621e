package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A call's events in order, on a pool the test runs by hand: how many turns on a worker they take. */
class SerialQueueTest {

    private final Deque<Runnable> pool = new ArrayDeque<>();
    private final SerialQueue queue = new SerialQueue(pool::add);
    private final List<Integer> ran = new ArrayList<>();

    @Test
    void eventsQueuedMeanwhileRunInTheSameTurn() {
        queue.execute(() -> {
            ran.add(1);
            queue.execute(() -> ran.add(3)); // e.g. a handler's follow-up, queued behind...
        });
        queue.execute(() -> ran.add(2)); // ...the call's next event
        assertEquals(1, pool.size(), "one turn asked for");
        pool.poll().run();
        assertEquals(List.of(1, 2, 3), ran);
        assertEquals(0, pool.size(), "no second turn: no other worker woken");

        queue.execute(() -> ran.add(4));
        assertEquals(1, pool.size(), "idle again: the next event asks for a turn");
    }

    @Test
    void aLongBacklogYieldsTheWorkerToOtherCallsBetweenBatches() {
        IntStream.range(0, SerialQueue.BATCH + 1).forEach(i -> queue.execute(() -> ran.add(i)));
        pool.poll().run();
        assertEquals(SerialQueue.BATCH, ran.size());
        assertEquals(1, pool.size(), "the rest in a new turn, behind the other calls' turns");
        pool.poll().run();
        assertEquals(IntStream.rangeClosed(0, SerialQueue.BATCH).boxed().toList(), ran);
    }

    @Test
    void aFailingEventStopsNoLaterOne() {
        queue.execute(() -> {
            throw new IllegalStateException("an application's bug");
        });
        queue.execute(() -> ran.add(1));
        pool.poll().run();
        assertEquals(List.of(1), ran);
    }
}
