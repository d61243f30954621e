package org.sipee.sip.overload;

import java.time.Duration;
import java.util.List;

/**
 * When the server refuses new work with 503 (RFC 3261 §21.5.4). Every invalid value is refused with a message
 * naming the setting (the adapter's config-property of the same name).
 *
 * @param overloadBacklog           queued work items (adapter deliveries, event-loop tasks) at which new requests
 *                                  outside a dialog are shed; shedding stops once the backlog is down to half
 * @param overloadLagMillis         how late the SIP event loop may run what is due before new requests outside a
 *                                  dialog are shed (the loop itself is the bottleneck); stops at half of it
 * @param overloadRetryAfterSeconds the Retry-After of a 503; each refusal adds up to as much again at random, so
 *                                  shed senders do not come back all at once (RFC 6357 §4)
 * @param maxCalls                  concurrent calls at which new INVITEs get 503
 * @param floodRequests             new requests outside a dialog from one source address within
 *                                  {@code floodWindow} that ban the source for {@code floodBan} (Kamailio's pike)
 * @param floodExemptSources        sources never limited by the flood rule (e.g. a trunk, a local proxy)
 */
public record OverloadPolicy(int overloadBacklog, int overloadLagMillis, int overloadRetryAfterSeconds, int maxCalls,
                             int floodRequests,
                             Duration floodWindow, Duration floodBan, List<AddressBlock> floodExemptSources) {

    /** 1000 queued items, 300 ms lag, Retry-After 5-10 s, 10 000 calls, 200 requests per 2 s per source banned 30 s. */
    public static final OverloadPolicy DEFAULTS = new OverloadPolicy(1000, 300, 5, 10_000, 200, Duration.ofSeconds(2),
            Duration.ofSeconds(30), AddressBlock.parseList("floodExemptSources", "127.0.0.1"));

    public OverloadPolicy {
        atLeast("overloadBacklog", overloadBacklog, 2);
        atLeast("overloadLagMillis", overloadLagMillis, 2 * (int) LoopLag.PERIOD_MILLIS);
        atLeast("overloadRetryAfterSeconds", overloadRetryAfterSeconds, 1);
        atLeast("maxCalls", maxCalls, 1);
        atLeast("floodRequests", floodRequests, 2);
        requireSeconds("floodWindowSeconds", floodWindow);
        requireSeconds("floodBanSeconds", floodBan);
        floodExemptSources = List.copyOf(floodExemptSources);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    private static void requireSeconds(String name, Duration value) {
        if (value == null || value.toSeconds() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + (value == null ? null : value.toSeconds()));
        }
    }
}
