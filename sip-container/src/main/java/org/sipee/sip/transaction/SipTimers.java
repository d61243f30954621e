package org.sipee.sip.transaction;

/**
 * Timer values of RFC 3261 §17 Table 4 (and RFC 6026 Timer L) for an unreliable transport, in milliseconds.
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

    /** The next retransmit interval after {@code interval}: doubled, capped at T2 (§17.2.1, §13.3.1.4). */
    public long backoff(long interval) {
        return Math.min(2 * interval, t2);
    }
}
