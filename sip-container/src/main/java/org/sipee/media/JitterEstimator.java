package org.sipee.media;

/**
 * Interarrival jitter (RFC 3550 §6.4.1, Appendix A.8): J += (|D| - J) / 16, where D is the difference of
 * relative transit times (arrival minus RTP timestamp, both in timestamp units) of consecutive packets.
 */
final class JitterEstimator {

    private final int clockRate;
    private boolean first = true;
    private long lastTransit;
    private volatile double jitter;

    JitterEstimator(int clockRate) {
        this.clockRate = clockRate;
    }

    void update(long rtpTimestamp, long arrivalNanos) {
        long arrival = Math.floorDiv(arrivalNanos, 1_000_000_000L / clockRate) ; // nanos to timestamp units
        long transit = (arrival - rtpTimestamp) & 0xFFFFFFFFL;
        if (first) {
            first = false;
        } else {
            int d = (int) (transit - lastTransit); // 32-bit wrap-safe difference
            jitter += (Math.abs((double) d) - jitter) / 16;
        }
        lastTransit = transit;
    }

    /** The estimate in timestamp units (the RR's jitter field). */
    long units() {
        return (long) jitter;
    }

    double millis() {
        return jitter * 1000 / clockRate;
    }

    void reset() {
        first = true;
        jitter = 0;
    }
}
