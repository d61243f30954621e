package org.sipee.sip.transaction;

/** Runs protocol timers; every task runs on the stack's event loop. */
@FunctionalInterface
public interface TimerScheduler {

    /** A scheduled timer that can be cancelled; cancelling a fired or cancelled timer does nothing. */
    interface Timer {
        void cancel();
    }

    Timer schedule(Runnable task, long delayMillis);
}
