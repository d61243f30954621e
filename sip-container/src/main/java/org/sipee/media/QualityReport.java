package org.sipee.media;

/** Assembles a {@link StreamQuality} from the send path, receive path and RTCP session of a stream. */
final class QualityReport {

    private static final double PACKETIZATION_MS = 20;

    private QualityReport() {
    }

    static StreamQuality of(SendPath send, ReceivePath receive, RtcpSession rtcp) {
        ReceiveStatistics st = receive.statistics();
        long expected = st.expected();
        long lost = st.lost();
        long late = receive.jitterBuffer().latePackets();
        double fraction = !Double.isNaN(rtcp.fractionLost()) ? rtcp.fractionLost() : expected > 0 ? lost / (double) expected : 0;
        double playout = receive.jitterBuffer().targetFrames() * 20.0;
        double rtt = rtcp.roundTripMs();
        // mouth-to-ear: packetization + playout delay + half the round trip when RTCP measured it
        double delay = PACKETIZATION_MS + playout + (Double.isNaN(rtt) ? 0 : rtt / 2);
        double lossPercent = expected > 0 ? 100.0 * Math.min(expected, lost + late) / expected : 0;
        double r = expected > 0 ? EModel.rFactor(delay, lossPercent) : Double.NaN; // nothing received: no rating
        return new StreamQuality(send.packets(), send.octets(), st.packets(), st.octets(), expected, lost, fraction,
                st.jitterMillis(), late, receive.concealedFrames(), playout, rtt, rtcp.remoteFractionLost(),
                rtcp.remoteLost(), rtcp.remoteJitterMs(), r, Double.isNaN(r) ? Double.NaN : EModel.mos(r));
    }
}
