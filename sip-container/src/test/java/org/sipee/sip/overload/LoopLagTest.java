package org.sipee.sip.overload;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.sipee.sip.transaction.ManualScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The probe on a virtual clock: a loop that runs its timers late, and one that has not run the probe yet. */
class LoopLagTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicLong now = new AtomicLong(5_000);

    @Test
    void measuresHowLateTheProbeRanAndAnOverdueProbeCountsToo() {
        LoopLag lag = new LoopLag(scheduler, now::get);
        assertEquals(0, lag.millis());

        now.addAndGet(LoopLag.PERIOD_MILLIS + 150); // the loop was busy: the probe runs 150 ms late
        scheduler.advance(LoopLag.PERIOD_MILLIS);
        assertEquals(150, lag.millis());

        now.addAndGet(LoopLag.PERIOD_MILLIS); // on time again
        scheduler.advance(LoopLag.PERIOD_MILLIS);
        assertEquals(0, lag.millis());

        now.addAndGet(LoopLag.PERIOD_MILLIS + 400); // the next probe is overdue and has not run
        assertEquals(400, lag.millis());

        lag.close();
        scheduler.advance(1_000);
        assertEquals(0, scheduler.pending(), "no probe after close");
    }
}
