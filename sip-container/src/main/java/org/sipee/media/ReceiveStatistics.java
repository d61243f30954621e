package org.sipee.media;

import java.util.function.IntPredicate;

/**
 * Receive-path node: follows the current source (SSRC) with its sequence tracker (RFC 3550 A.1) and
 * jitter estimate (A.8), counts packets and payload octets, and gives each packet its extended sequence
 * number. A packet from another SSRC is dropped while the current source is active; once it has been
 * silent for {@link #SOURCE_SWITCH_NANOS}, a new SSRC takes over (e.g. the far end restarted its stream).
 * Runs on the event loop; the counters other threads read are volatile.
 */
final class ReceiveStatistics {

    static final long SOURCE_SWITCH_NANOS = 500_000_000L;

    private final IntPredicate audioPayloadType;
    private final JitterEstimator jitter = new JitterEstimator(8000);
    private volatile SequenceTracker sequence;
    private volatile int ssrc;
    private volatile boolean hasSource;
    private long lastArrival;
    private volatile long packets;
    private volatile long octets;
    private volatile long foreign;
    private long lastSrNtpMiddle;
    private long lastSrArrivalNanos;

    /** @param audioPayloadType which payload types feed the jitter estimate (not telephone-event: its timestamps mark event starts) */
    ReceiveStatistics(IntPredicate audioPayloadType) {
        this.audioPayloadType = audioPayloadType;
    }

    /**
     * Accounts for one packet.
     *
     * @return its extended sequence number, or -1 when it is dropped (another source, or an implausible jump)
     */
    long accept(RtpPacket p, long arrivalNanos) {
        if (!hasSource || p.ssrc() != ssrc && arrivalNanos - lastArrival > SOURCE_SWITCH_NANOS) {
            ssrc = p.ssrc();
            hasSource = true;
            sequence = new SequenceTracker(p.sequence());
            jitter.reset();
            lastSrNtpMiddle = 0;
        } else if (p.ssrc() != ssrc) {
            foreign++;
            return -1;
        }
        lastArrival = arrivalNanos;
        boolean probation = sequence.inProbation();
        if (!sequence.update(p.sequence()) && !probation) {
            return -1;
        }
        packets++;
        octets += p.payload().length;
        if (audioPayloadType.test(p.payloadType())) {
            jitter.update(p.timestamp(), arrivalNanos);
        }
        return sequence.extend(p.sequence());
    }

    /** Records the middle 32 bits of a sender report's NTP timestamp, for the LSR/DLSR fields (§6.4.1). */
    void senderReport(int fromSsrc, long ntpMiddle, long arrivalNanos) {
        if (hasSource && fromSsrc == ssrc) {
            lastSrNtpMiddle = ntpMiddle;
            lastSrArrivalNanos = arrivalNanos;
        }
    }

    /** A report block about the current source (§6.4.1), advancing the fraction-lost interval; null when there is none. */
    Rtcp.ReportBlock reportBlock(long nowNanos) {
        if (!hasSource || sequence.inProbation()) {
            return null;
        }
        long dlsr = lastSrNtpMiddle == 0 ? 0 : (nowNanos - lastSrArrivalNanos) * 65536 / 1_000_000_000L;
        return new Rtcp.ReportBlock(ssrc, sequence.fractionLostSinceLast(), sequence.lost(), sequence.extendedMax(),
                jitter.units(), lastSrNtpMiddle, dlsr);
    }

    long packets() {
        return packets;
    }

    long octets() {
        return octets;
    }

    long foreignPackets() {
        return foreign;
    }

    long expected() {
        SequenceTracker s = sequence;
        return s == null || s.inProbation() ? packets : s.expected();
    }

    long lost() {
        SequenceTracker s = sequence;
        return s == null || s.inProbation() ? 0 : Math.max(0, s.lost());
    }

    double jitterMillis() {
        return jitter.millis();
    }

    boolean hasSource() {
        return hasSource;
    }

    int ssrc() {
        return ssrc;
    }
}
