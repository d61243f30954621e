package org.sipee.media;

import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RTCP for one stream (RFC 3550 §6): builds our compound reports — an SR when we sent RTP since the
 * previous report, else an RR (§6.4), with a report block about the far end's source and SDES CNAME
 * (§6.1) — and reads the far end's reports: its SR for our LSR/DLSR fields, its report block about us
 * for its view of our loss and jitter and the round-trip time (§6.4.1: A - LSR - DLSR). The interval is
 * the nominal one randomized by [0.5, 1.5] and divided by e - 3/2 (§6.3.1). Runs on the event loop;
 * the values read by other threads are volatile.
 */
final class RtcpSession {

    private static final double COMPENSATION = Math.E - 1.5;

    private final SendPath send;
    private final ReceiveStatistics received;
    private final String cname;
    private final long nominalNanos;
    private long packetsAtLastReport;
    private volatile double fractionLost = Double.NaN;
    private volatile double roundTripMs = Double.NaN;
    private volatile double remoteFractionLost = Double.NaN;
    private volatile long remoteLost;
    private volatile double remoteJitterMs = Double.NaN;
    private volatile long reportsReceived;
    private volatile long reportsSent;

    RtcpSession(SendPath send, ReceiveStatistics received, String cname, long nominalNanos) {
        this.send = send;
        this.received = received;
        this.cname = cname;
        this.nominalNanos = nominalNanos;
    }

    /** §6.3.1 randomized interval; the first report goes out after half of it (§6.2: "initial" halving). */
    long nextInterval(boolean first) {
        double factor = (0.5 + ThreadLocalRandom.current().nextDouble()) / COMPENSATION;
        return (long) (nominalNanos * factor * (first ? 0.5 : 1));
    }

    /** Our compound report; {@code bye} appends a BYE (§6.6). */
    byte[] report(long nowNanos, long epochMillis, boolean bye) {
        Rtcp.SenderInfo info = null;
        if (send.packets() > packetsAtLastReport) {
            info = new Rtcp.SenderInfo(Rtcp.ntpTimestamp(epochMillis), send.rtpTimestampAt(nowNanos), send.packets(), send.octets());
        }
        packetsAtLastReport = send.packets();
        Rtcp.ReportBlock block = received.reportBlock(nowNanos);
        if (block != null) {
            fractionLost = block.fractionLost() / 256.0;
        }
        reportsSent++;
        return Rtcp.compound(send.ssrc(), info, block == null ? List.of() : List.of(block), cname, bye);
    }

    /** A received compound RTCP packet; malformed ones are ignored (returns false). */
    boolean onPacket(ByteBuf datagram, long nowNanos, long epochMillis) {
        Rtcp.Compound compound;
        try {
            compound = Rtcp.parse(datagram);
        } catch (IllegalArgumentException | IndexOutOfBoundsException notRtcp) {
            return false;
        }
        for (Rtcp.Report r : compound.reports()) {
            if (r.senderInfo() != null) {
                received.senderReport(r.ssrc(), r.senderInfo().ntpMiddle(), nowNanos);
            }
            for (Rtcp.ReportBlock b : r.blocks()) {
                if (b.ssrc() == send.ssrc()) {
                    about(b, epochMillis);
                }
            }
        }
        reportsReceived++;
        return true;
    }

    private void about(Rtcp.ReportBlock b, long epochMillis) {
        remoteFractionLost = b.fractionLost() / 256.0;
        remoteLost = b.cumulativeLost();
        remoteJitterMs = b.jitter() / 8.0; // 8 kHz timestamp units
        if (b.lastSr() != 0) {
            long a = (Rtcp.ntpTimestamp(epochMillis) >>> 16) & 0xFFFFFFFFL;
            long rtt = (a - b.lastSr() - b.delaySinceLastSr()) & 0xFFFFFFFFL; // 1/65536 s
            if (rtt < 0x80000000L) {
                roundTripMs = rtt * 1000.0 / 65536;
            }
        }
    }

    double fractionLost() {
        return fractionLost;
    }

    double roundTripMs() {
        return roundTripMs;
    }

    double remoteFractionLost() {
        return remoteFractionLost;
    }

    long remoteLost() {
        return remoteLost;
    }

    double remoteJitterMs() {
        return remoteJitterMs;
    }

    long reportsReceived() {
        return reportsReceived;
    }

    long reportsSent() {
        return reportsSent;
    }
}
