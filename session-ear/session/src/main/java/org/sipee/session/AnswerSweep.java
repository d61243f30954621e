package org.sipee.session;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.sipee.rar.api.AnswerTimeout;

/**
 * A handler may decide later (ringing, early media, a back-to-back call still ringing): past the adapter's
 * answerTimeoutSeconds the caller gets its status. One sweep a second over the live calls, rather than a timer per
 * call: a cancelled per-call timer would keep its call reachable until it fell due.
 */
final class AnswerSweep {

    private AnswerSweep() {
    }

    /** The sweep on the server's scheduler; null when the timeout is off. */
    static Future<?> start(ScheduledExecutorService scheduler, SessionRegistry registry, AnswerTimeout timeout) {
        if (timeout.isOff()) {
            return null;
        }
        return scheduler.scheduleWithFixedDelay(() -> refuseUndecided(registry, timeout), 1, 1, TimeUnit.SECONDS);
    }

    private static void refuseUndecided(SessionRegistry registry, AnswerTimeout timeout) {
        long now = System.nanoTime();
        for (BaseSession session : registry.sessions()) {
            if (session instanceof CallSession incoming && incoming.undecidedLongerThan(timeout.after(), now)) {
                incoming.followUps().execute(() -> incoming.answerTimedOut(timeout.status()));
            }
        }
    }
}
