package org.sipee.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (no fixed sleeps in the tests). */
public final class Poll {

    private Poll() {
    }

    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition, () -> "", timeout);
    }

    /** Fails with what + the state description when the deadline passes. */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + " " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
