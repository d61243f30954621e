package org.sipee.sip.transaction;

/**
 * Timer values of RFC 3261 §17 Table 4 (and RFC 6026 Timers L and M), in milliseconds; the timers that differ
 * over a reliable transport take a {@code reliable} flag.
 */
public record SipTimers(long t1, long t2, long t4) {

    /** Timer G: initial INVITE final-response retransmit interval, T1 (doubling up to T2). */
    public long timerG() {
        return t1;
    }

    /** Timer H: wait time for ACK receipt, 64*T1. */
    public long timerH() {
        return 64 * t1;
    }

    /** Timer I: wait time for ACK retransmits, T4. */
    public long timerI() {
        return t4;
    }

    /** Timer J: wait time for non-INVITE request retransmits, 64*T1. */
    public long timerJ() {
        return 64 * t1;
    }

    /** Timer L (RFC 6026): wait time for accepted INVITE request retransmits, 64*T1. */
    public long timerL() {
        return 64 * t1;
    }

    /** Timer A: initial INVITE request retransmit interval, T1, doubling without cap (§17.1.1.2); UDP only. */
    public long timerA() {
        return t1;
    }

    /** Timer B: INVITE transaction timeout, 64*T1. */
    public long timerB() {
        return 64 * t1;
    }

    /**
     * Timer D: wait time for response retransmits, at least 32 s over UDP (Table 4); never shorter than the
     * server's Timer H (64*T1) so that every retransmitted final response still finds us; 0 over TCP.
     */
    public long timerD(boolean reliable) {
        return reliable ? 0 : Math.max(32_000, 64 * t1);
    }

    /** Timer E: initial non-INVITE request retransmit interval, T1, doubling up to T2 (§17.1.2.2); UDP only. */
    public long timerE() {
        return t1;
    }

    /** Timer F: non-INVITE transaction timeout, 64*T1. */
    public long timerF() {
        return 64 * t1;
    }

    /** Timer K: wait time for response retransmits, T4 over UDP, 0 over TCP. */
    public long timerK(boolean reliable) {
        return reliable ? 0 : t4;
    }

    /** Timer M (RFC 6026 §8.4): wait time for retransmitted (or forked) 2xx in Accepted, 64*T1. */
    public long timerM() {
        return 64 * t1;
    }

    /** The next retransmit interval after {@code interval}: doubled, capped at T2 (§17.2.1, §13.3.1.4). */
    public long backoff(long interval) {
        return Math.min(2 * interval, t2);
    }
}
