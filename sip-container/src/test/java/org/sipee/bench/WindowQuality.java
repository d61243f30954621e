package org.sipee.bench;

import java.util.Arrays;
import java.util.List;

import org.sipee.media.StreamQuality;

/**
 * Media quality of many streams (calls, phones) over the steady window, from each stream's snapshots at the
 * window's start and end: packets sent and received, loss and late packets of what came back (counted over the window
 * only, so the ramp and jitter-buffer start do not count), and the streams' jitter and MOS at the end.
 * Loss counts gaps in the sequence numbers only; a packet clock that falls behind (CPU starvation) sends
 * fewer packets without gaps, which the sent and received shares of the nominal 50 packets/s show.
 * The far end's view of our packets comes from its RTCP reports (RFC 3550 §6.4), cumulative per call.
 */
record WindowQuality(long nominalPackets, long packetsSent, long packetsReceived, long packetsExpected, long packetsLost,
                     long latePackets, double jitterMeanMs, double jitterP99Ms, double mosMean) {

    /** One 20 ms packet per interval (RFC 3551 §4.5: G.711's default packetization). */
    static final int PACKETS_PER_SECOND = 50;

    static WindowQuality of(List<BenchCall> calls, int windowSeconds) {
        return of(calls.stream().map(BenchCall::windowStart).toList(), calls.stream().map(BenchCall::windowEnd).toList(),
                windowSeconds);
    }

    /** The same from the streams' snapshots at the window's start and end, in the same order. */
    static WindowQuality of(List<StreamQuality> starts, List<StreamQuality> ends, int windowSeconds) {
        long sent = 0, received = 0, expected = 0, lost = 0, late = 0;
        double[] jitter = new double[ends.size()];
        double mosSum = 0;
        int rated = 0;
        for (int i = 0; i < ends.size(); i++) {
            StreamQuality a = starts.get(i);
            StreamQuality b = ends.get(i);
            sent += b.packetsSent() - a.packetsSent();
            received += b.packetsReceived() - a.packetsReceived();
            expected += b.packetsExpected() - a.packetsExpected();
            lost += b.packetsLost() - a.packetsLost();
            late += b.latePackets() - a.latePackets();
            jitter[i] = b.jitterMs();
            if (!Double.isNaN(b.mos())) {
                mosSum += b.mos();
                rated++;
            }
        }
        Arrays.sort(jitter);
        double mean = jitter.length == 0 ? Double.NaN : Arrays.stream(jitter).average().orElse(Double.NaN);
        double p99 = jitter.length == 0 ? Double.NaN : jitter[(int) Math.ceil(0.99 * jitter.length) - 1];
        long nominal = (long) ends.size() * PACKETS_PER_SECOND * windowSeconds;
        return new WindowQuality(nominal, sent, received, expected, lost, late, mean, p99, rated == 0 ? Double.NaN : mosSum / rated);
    }

    double sentPercent() {
        return nominalPackets == 0 ? Double.NaN : 100.0 * packetsSent / nominalPackets;
    }

    double receivedPercent() {
        return nominalPackets == 0 ? Double.NaN : 100.0 * packetsReceived / nominalPackets;
    }

    /** Packets of the far end that never came back, in % of those expected (late ones count separately). */
    double lossPercent() {
        return packetsExpected == 0 ? Double.NaN : 100.0 * packetsLost / packetsExpected;
    }

    double latePercent() {
        return packetsExpected == 0 ? Double.NaN : 100.0 * latePackets / packetsExpected;
    }

    /** The far end's loss of our packets over the whole calls, per its last RTCP reports (its BYE carries the final one). */
    static double remoteLossPercent(List<StreamQuality> finals) {
        long lost = 0, sent = 0;
        for (StreamQuality q : finals) {
            lost += Math.max(0, q.remotePacketsLost());
            sent += q.packetsSent();
        }
        return sent == 0 ? Double.NaN : 100.0 * lost / sent;
    }
}
