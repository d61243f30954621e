package org.sipee.media;

/**
 * RTP sequence-number bookkeeping of one source, as in RFC 3550 Appendix A.1: probation of a new
 * source (MIN_SEQUENTIAL in-order packets), wrap-around into an extended highest sequence number
 * (cycles), large jumps accepted only when confirmed by the next packet, and the expected/lost counts
 * of §6.4.1 (cumulative and per report interval, A.3). Not thread-safe; the counters read by
 * other threads are volatile.
 */
final class SequenceTracker {

    static final int RTP_SEQ_MOD = 1 << 16;
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    static final int MIN_SEQUENTIAL = 2;

    private int maxSeq;
    private volatile long cycles;      // shifted count of sequence number cycles
    private volatile int baseSeq;
    private int badSeq;
    private int probation;
    private volatile long received;
    private long expectedPrior;
    private long receivedPrior;
    private volatile long maxExtended;

    /** A new source: its first packet starts probation (A.1 init_seq + probation). */
    SequenceTracker(int firstSeq) {
        init(firstSeq);
        maxSeq = firstSeq - 1 & 0xFFFF;
        probation = MIN_SEQUENTIAL;
    }

    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = RTP_SEQ_MOD + 1; // so seq == badSeq is false
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
        maxExtended = seq;
    }

    /** A.1 update_seq: true when the packet counts (the source is valid and the jump is plausible). */
    boolean update(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    init(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        } else if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += RTP_SEQ_MOD; // wrapped
            }
            maxSeq = seq;
        } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                init(seq); // two sequential packets: the source restarted, resync
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        // else: duplicate or reordered packet
        received++;
        maxExtended = cycles + maxSeq;
        return true;
    }

    boolean inProbation() {
        return probation > 0;
    }

    /** The extended sequence number of {@code seq} relative to the highest seen (handles reordering across a wrap). */
    long extend(int seq) {
        long ext = cycles + seq;
        int delta = (short) (seq - maxSeq); // signed distance to the highest
        if (delta < 0 && seq > maxSeq) {
            ext -= RTP_SEQ_MOD;             // from the previous cycle
        } else if (delta > 0 && seq < maxSeq) {
            ext += RTP_SEQ_MOD;
        }
        return ext;
    }

    long extendedMax() {
        return maxExtended;
    }

    long received() {
        return received;
    }

    /** A.3: expected = extended max - base + 1. */
    long expected() {
        return maxExtended - baseSeq + 1;
    }

    /** §6.4.1 cumulative number of packets lost; negative with duplicates. */
    long lost() {
        return expected() - received;
    }

    /** A.3: the fraction lost since the previous call, in 1/256 (the RR's 8-bit field); advances the interval. */
    int fractionLostSinceLast() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }
}
