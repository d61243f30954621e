package org.sipee.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The wheel on a virtual clock advanced one tick at a time, as the event loop does. */
class CoarseTimerWheelTest {

    private static final long TICK = CoarseTimerWheel.TICK_MILLIS;

    private final AtomicLong now = new AtomicLong(1_000_037); // not on a tick boundary
    private final CoarseTimerWheel wheel = new CoarseTimerWheel(now::get);
    private final List<String> fired = new ArrayList<>();
    private final List<Long> firedAt = new ArrayList<>();

    @Test
    void aTimerFiresAfterItsDelayAndAtMostTwoTicksLate() {
        now.addAndGet(73);
        long scheduledAt = now.get();
        wheel.schedule(() -> record("H"), 32_000);
        runFor(40_000);
        assertEquals(List.of("H"), fired);
        long late = firedAt.get(0) - scheduledAt - 32_000;
        assertTrue(late >= 0 && late <= 2 * TICK, "fired " + late + " ms after its delay");
    }

    @Test
    void aCancelledTimerNeverFires() {
        TimerScheduler.Timer timerH = wheel.schedule(() -> record("H"), 32_000);
        wheel.schedule(() -> record("I"), 5_000);
        runFor(1_000);
        timerH.cancel();
        runFor(60_000);
        assertEquals(List.of("I"), fired);
    }

    @Test
    void timersLongerThanOneTurnWaitOutWholeTurns() {
        long scheduledAt = now.get();
        wheel.schedule(() -> record("session"), 90_000); // past the 51.2 s the slots span
        runFor(89_000);
        assertEquals(List.of(), fired);
        runFor(2_000);
        assertEquals(List.of("session"), fired);
        assertTrue(firedAt.get(0) - scheduledAt >= 90_000);
    }

    @Test
    void aTaskMaySchedulePastItsOwnSlotAndAFailingTaskStopsNoOther() {
        wheel.schedule(() -> {
            record("first");
            wheel.schedule(() -> record("a turn later"), 512 * TICK);
        }, 2_000);
        wheel.schedule(() -> {
            throw new IllegalStateException("a timer task's bug");
        }, 2_000);
        wheel.schedule(() -> record("second"), 2_000);
        runFor(3_000);
        assertEquals(List.of("first", "second"), fired);
        runFor(60_000);
        assertEquals(List.of("first", "second", "a turn later"), fired);
    }

    @Test
    void aLoopThatRanLateCatchesUpOnEveryTickItMissed() {
        wheel.schedule(() -> record("D"), 1_000);
        wheel.schedule(() -> record("H"), 3_000);
        now.addAndGet(10_000); // a long pause, then one advance
        wheel.advance();
        assertEquals(List.of("D", "H"), fired);
    }

    private void runFor(long millis) {
        for (long t = 0; t < millis; t += TICK) {
            now.addAndGet(TICK);
            wheel.advance();
        }
    }

    private void record(String name) {
        fired.add(name);
        firedAt.add(now.get());
    }
}
