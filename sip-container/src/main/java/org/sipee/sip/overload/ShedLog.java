package org.sipee.sip.overload;

import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The log of refusals, rate-limited: the first refusal for a reason is logged at once, later ones at most once per
 * interval, each line with the number refused for that reason since the last one. Thread-safe.
 */
final class ShedLog {

    private static final System.Logger LOG = System.getLogger(OverloadGate.class.getName());

    private final long intervalMillis;
    private final LongSupplier clock;
    private final Map<ShedReason, long[]> lastAndSince = new EnumMap<>(ShedReason.class);

    ShedLog(long intervalMillis, LongSupplier clockMillis) {
        this.intervalMillis = intervalMillis;
        this.clock = clockMillis;
    }

    /** Counts one refusal; logs it (with the count since the last line) unless a line for the reason is recent. */
    void refused(ShedReason reason, Supplier<String> detail) {
        long now = clock.getAsLong();
        long suppressed;
        synchronized (this) {
            long[] state = lastAndSince.computeIfAbsent(reason, r -> new long[] {Long.MIN_VALUE, 0});
            state[1]++;
            if (state[0] != Long.MIN_VALUE && now - state[0] < intervalMillis) {
                return;
            }
            suppressed = state[1];
            state[0] = now;
            state[1] = 0;
        }
        LOG.log(Level.WARNING, () -> "refusing new requests with 503 (" + reason.setting() + "): " + detail.get()
                + "; " + suppressed + " refused for this since the last such line");
    }
}
