package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ConferenceConcurrencyTest {

    @Test
    void joinAndLeaveWhileTicking() throws Exception {
        ConferenceMixer mixer = new ConferenceMixer();
        AtomicInteger[] stableHeard = new AtomicInteger[3];
        ConferenceParticipant[] stable = new ConferenceParticipant[3];
        for (int i = 0; i < stable.length; i++) {
            AtomicInteger heard = stableHeard[i] = new AtomicInteger();
            stable[i] = mixer.join("stable" + i, frame -> heard.incrementAndGet());
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicBoolean ticking = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Future<?> talkers = threads.submit(() -> { // the stable participants' stream loop
                ToneGenerator tone = new ToneGenerator(440, -10);
                started.countDown();
                while (ticking.get()) {
                    for (ConferenceParticipant p : stable) {
                        p.offer(tone.nextFrame());
                    }
                    Thread.onSpinWait();
                }
            });
            Future<List<ConferenceParticipant>> churn = threads.submit(() -> {
                started.await();
                List<ConferenceParticipant> kept = new ArrayList<>();
                short[] frame = new short[160];
                for (int i = 0; i < 2000; i++) {
                    ConferenceParticipant p = mixer.join("churn" + i, f -> { });
                    p.offer(frame);
                    if (i % 2 == 0) {
                        kept.add(p);
                    } else {
                        assertTrue(mixer.leave(p));
                    }
                }
                return kept;
            });
            started.await();
            int ticks = 0;
            while (!churn.isDone() || ticks < 200) {
                mixer.tick();
                ticks++;
            }
            ticking.set(false);
            talkers.get(5, TimeUnit.SECONDS);

            Set<ConferenceParticipant> expected = new HashSet<>(List.of(stable));
            expected.addAll(churn.get());
            assertEquals(expected, new HashSet<>(mixer.participants()), "nobody lost, nobody left behind");
            assertEquals(3 + 1000, mixer.participants().size());
            for (AtomicInteger heard : stableHeard) {
                assertEquals(ticks, heard.get(), "an output every tick");
            }
        } finally {
            ticking.set(false);
            threads.shutdownNow();
        }
    }

    @Test
    void theClockTicksItsMixersEvery20ms() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ConferenceClock clock = new ConferenceClock(executor);
            ConferenceMixer mixer = new ConferenceMixer();
            CountDownLatch fiveFrames = new CountDownLatch(5);
            AtomicInteger frames = new AtomicInteger();
            mixer.join("a", f -> {
                frames.incrementAndGet();
                fiveFrames.countDown();
            });
            long start = System.nanoTime();
            clock.add(mixer);
            assertTrue(fiveFrames.await(2, TimeUnit.SECONDS));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 90, "five ticks take 100 ms, took " + elapsedMs);

            clock.remove(mixer);
            int after = frames.get();
            Thread.sleep(60);
            assertTrue(frames.get() <= after + 1, "stopped (a tick in progress may finish)");
        } finally {
            executor.shutdownNow();
        }
    }
}
