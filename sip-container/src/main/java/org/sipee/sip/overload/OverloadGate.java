package org.sipee.sip.overload;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.transaction.Refusal;
import org.sipee.sip.transaction.RequestAdmission;

/**
 * Load shedding at the transaction layer (RFC 7339, RFC 6357): a new request outside a dialog is refused with 503 and
 * Retry-After (RFC 3261 §21.5.4) before any per-call work when its source floods, when an INVITE finds the call
 * limit reached or no RTP port pair free, or while the work backlog is too long or the event loop runs late.
 * Requests inside a dialog (a To tag: BYE, re-INVITE, PRACK...) are always served so calls that are up end cleanly;
 * ACK and CANCEL never come here.
 * Runs on the event loop.
 */
public final class OverloadGate implements RequestAdmission {

    private static final long LOG_INTERVAL_MILLIS = 10_000;

    private final OverloadPolicy policy;
    private final LoadProbe probe;
    private final IntUnaryOperator jitter;
    private final SourceBans floods;
    private final ShedLog log;
    private final AtomicLongArray refused = new AtomicLongArray(ShedReason.values().length);
    private volatile LoadState backlogState = LoadState.NORMAL;
    private volatile LoadState lagState = LoadState.NORMAL;

    /**
     * @param jitter given a bound n, a random value 0..n-1 added to Retry-After
     */
    public OverloadGate(OverloadPolicy policy, LoadProbe probe, LongSupplier clockMillis, IntUnaryOperator jitter) {
        this.policy = policy;
        this.probe = probe;
        this.jitter = jitter;
        this.floods = new SourceBans(policy.floodRequests(), policy.floodWindow(), policy.floodBan(), clockMillis);
        this.log = new ShedLog(LOG_INTERVAL_MILLIS, clockMillis);
    }

    @Override
    public Refusal admit(SipRequest request, InetSocketAddress source) {
        if (insideDialog(request)) {
            return null;
        }
        InetAddress address = source.getAddress();
        if (!exempt(address) && floods.count(address)) {
            long remaining = floods.banRemainingMillis(address);
            return refuse(ShedReason.FLOOD, (int) Math.max(1, (remaining + 999) / 1000),
                    request, address, () -> policy.floodRequests() + " new requests within " + policy.floodWindow().toSeconds()
                            + " s, banned for " + policy.floodBan().toSeconds() + " s");
        }
        if (request.isMethod("INVITE")) {
            int calls = probe.calls();
            if (calls >= policy.maxCalls()) {
                return refuse(ShedReason.CALLS, spreadRetryAfter(), request, address,
                        () -> calls + " calls up, maxCalls " + policy.maxCalls());
            }
            if (probe.freeMediaPairs() <= 0) {
                return refuse(ShedReason.MEDIA_PORTS, spreadRetryAfter(), request, address,
                        () -> "no free RTP/RTCP port pair");
            }
        }
        long lag = probe.loopLagMillis();
        lagState = lagState.next(lag, policy.overloadLagMillis());
        if (lagState == LoadState.SHEDDING) {
            return refuse(ShedReason.LOOP_LAG, spreadRetryAfter(), request, address,
                    () -> "the SIP event loop runs " + lag + " ms late, overloadLagMillis " + policy.overloadLagMillis());
        }
        int backlog = probe.backlog();
        backlogState = backlogState.next(backlog, policy.overloadBacklog());
        if (backlogState == LoadState.SHEDDING) {
            return refuse(ShedReason.BACKLOG, spreadRetryAfter(), request, address,
                    () -> "work backlog " + backlog + ", overloadBacklog " + policy.overloadBacklog()
                            + " (served again at " + policy.overloadBacklog() / 2 + ")");
        }
        return null;
    }

    /** Whether new requests are being shed for the backlog or the loop's lag. */
    public boolean shedding() {
        return backlogState == LoadState.SHEDDING || lagState == LoadState.SHEDDING;
    }

    /** Requests refused so far, by reason. */
    public Map<ShedReason, Long> refusals() {
        Map<ShedReason, Long> counts = new EnumMap<>(ShedReason.class);
        for (ShedReason reason : ShedReason.values()) {
            counts.put(reason, refused.get(reason.ordinal()));
        }
        return counts;
    }

    private static boolean insideDialog(SipRequest request) {
        try {
            return request.to().tag() != null;
        } catch (RuntimeException e) {
            return false; // a To the UAS core will refuse: outside a dialog for this decision
        }
    }

    private boolean exempt(InetAddress address) {
        for (AddressBlock block : policy.floodExemptSources()) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private int spreadRetryAfter() {
        int base = policy.overloadRetryAfterSeconds();
        return base + jitter.applyAsInt(base + 1);
    }

    private Refusal refuse(ShedReason reason, int retryAfter, SipRequest request, InetAddress source,
                           Supplier<String> detail) {
        refused.incrementAndGet(reason.ordinal());
        log.refused(reason, () -> request.method() + " from " + source.getHostAddress() + ": " + detail.get());
        return new Refusal(503, "Service Unavailable", retryAfter);
    }
}
