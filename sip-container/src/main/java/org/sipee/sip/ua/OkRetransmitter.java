package org.sipee.sip.ua;

import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/**
 * RFC 3261 §13.3.1.4: the UAS core retransmits its 2xx at T1, 2*T1, ... capped at T2, until the ACK
 * arrives; after 64*T1 without ACK it gives up.
 */
final class OkRetransmitter {

    private final TimerScheduler scheduler;
    private final SipTimers timers;
    private final Runnable retransmit;
    private final Runnable giveUp;
    private long interval;
    private boolean stopped;
    private TimerScheduler.Timer next;
    private TimerScheduler.Timer deadline;

    OkRetransmitter(TimerScheduler scheduler, SipTimers timers, Runnable retransmit, Runnable giveUp) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.retransmit = retransmit;
        this.giveUp = giveUp;
    }

    void start() {
        interval = timers.t1();
        next = scheduler.schedule(this::fire, interval);
        deadline = scheduler.schedule(this::expire, 64 * timers.t1());
    }

    void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
        if (deadline != null) {
            deadline.cancel();
        }
    }

    private void fire() {
        if (!stopped) {
            retransmit.run();
            interval = timers.backoff(interval);
            next = scheduler.schedule(this::fire, interval);
        }
    }

    private void expire() {
        if (!stopped) {
            stop();
            giveUp.run();
        }
    }
}
