package org.sipee.media;

/**
 * Quality metrics of one RTP stream, ours and as the far end reported them by RTCP (RFC 3550 §6.4).
 *
 * @param packetsSent          RTP packets sent (audio and telephone-event)
 * @param octetsSent           payload octets sent (the SR's sender octet count)
 * @param packetsReceived      RTP packets received from the current source
 * @param octetsReceived       payload octets received
 * @param packetsExpected      §6.4.1: extended highest sequence number - base + 1
 * @param packetsLost          cumulative packets lost (expected - received, at least 0)
 * @param fractionLost         0..1: lost fraction in the last RTCP interval (cumulative before the first report)
 * @param jitterMs             interarrival jitter (A.8) in milliseconds
 * @param latePackets          packets that came after their playout time (dropped by the jitter buffer)
 * @param concealedFrames      20 ms frames synthesized by packet-loss concealment
 * @param playoutDelayMs       the jitter buffer's current target delay
 * @param roundTripMs          RTCP round-trip time (§6.4.1 LSR/DLSR), NaN until known
 * @param remoteFractionLost   0..1: the far end's last report about our packets, NaN until reported
 * @param remotePacketsLost    the far end's cumulative count of our lost packets, 0 until reported
 * @param remoteJitterMs       the far end's jitter of our packets, NaN until reported
 * @param rFactor              ITU-T G.107 transmission rating of the receive direction, NaN before any packet
 * @param mos                  MOS-CQE estimated from rFactor, 1..4.5, NaN before any packet
 */
public record StreamQuality(long packetsSent, long octetsSent, long packetsReceived, long octetsReceived,
                            long packetsExpected, long packetsLost, double fractionLost, double jitterMs,
                            long latePackets, long concealedFrames, double playoutDelayMs, double roundTripMs,
                            double remoteFractionLost, long remotePacketsLost, double remoteJitterMs,
                            double rFactor, double mos) {
}
