package org.sipee.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RTCP packets of RFC 3550 §6: sender report (SR, §6.4.1), receiver report (RR, §6.4.2) with their report
 * blocks, SDES with CNAME (§6.5.1) and BYE (§6.6); encoding of compound packets (§6.1: a report first,
 * then SDES CNAME) and parsing of the reports and CNAMEs of a received compound packet.
 */
public final class Rtcp {

    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    /** Seconds from 1900 (NTP epoch) to 1970 (Unix epoch). */
    static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private Rtcp() {
    }

    /**
     * One report block (§6.4.1).
     *
     * @param fractionLost     lost fraction since the previous report, in 1/256
     * @param cumulativeLost   24-bit signed cumulative number of packets lost
     * @param extendedHighest  extended highest sequence number received
     * @param jitter           interarrival jitter in timestamp units
     * @param lastSr           middle 32 bits of the NTP timestamp of the last SR received (LSR), 0 if none
     * @param delaySinceLastSr DLSR, in 1/65536 s
     */
    public record ReportBlock(int ssrc, int fractionLost, long cumulativeLost, long extendedHighest, long jitter,
                              long lastSr, long delaySinceLastSr) {
    }

    /** The sender info of an SR: NTP timestamp (64-bit fixed point), RTP timestamp, packet and octet counts. */
    public record SenderInfo(long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
        /** The middle 32 bits, as echoed in LSR. */
        public long ntpMiddle() {
            return (ntpTimestamp >>> 16) & 0xFFFFFFFFL;
        }
    }

    /** A parsed SR (senderInfo set) or RR (senderInfo null). */
    public record Report(int ssrc, SenderInfo senderInfo, List<ReportBlock> blocks) {
    }

    /** What a compound packet said: its reports, CNAMEs (ssrc to name) and whether it had a BYE. */
    public record Compound(List<Report> reports, java.util.Map<Integer, String> cnames, boolean bye) {
    }

    /** The NTP timestamp (§4) of a wall-clock time. */
    public static long ntpTimestamp(long epochMillis) {
        long seconds = epochMillis / 1000 + NTP_EPOCH_OFFSET;
        long fraction = ((epochMillis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** The compound packet SR-or-RR + SDES CNAME (+ BYE when leaving). */
    public static byte[] compound(int ssrc, SenderInfo senderInfo, List<ReportBlock> blocks, String cname, boolean bye) {
        ByteBuf out = Unpooled.buffer(128);
        int count = Math.min(31, blocks.size());
        out.writeByte(0x80 | count);
        out.writeByte(senderInfo != null ? SR : RR);
        out.writeShort((senderInfo != null ? 6 : 1) + 6 * count); // length in 32-bit words minus one
        out.writeInt(ssrc);
        if (senderInfo != null) {
            out.writeLong(senderInfo.ntpTimestamp());
            out.writeInt((int) senderInfo.rtpTimestamp());
            out.writeInt((int) senderInfo.packetCount());
            out.writeInt((int) senderInfo.octetCount());
        }
        for (ReportBlock b : blocks.subList(0, count)) {
            out.writeInt(b.ssrc());
            long lost = Math.max(-0x800000, Math.min(0x7FFFFF, b.cumulativeLost())); // clamp to 24-bit signed
            out.writeInt((b.fractionLost() << 24) | (int) (lost & 0xFFFFFF));
            out.writeInt((int) b.extendedHighest());
            out.writeInt((int) b.jitter());
            out.writeInt((int) b.lastSr());
            out.writeInt((int) b.delaySinceLastSr());
        }
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        int nameLength = Math.min(255, name.length);
        int chunk = 4 + 2 + nameLength + 1;      // SSRC, CNAME item, END
        int padded = (chunk + 3) & ~3;
        out.writeByte(0x81);
        out.writeByte(SDES);
        out.writeShort(padded / 4);
        out.writeInt(ssrc);
        out.writeByte(1).writeByte(nameLength).writeBytes(name, 0, nameLength);
        out.writeZero(padded - chunk + 1);       // END item and padding to the 32-bit boundary
        if (bye) {
            out.writeByte(0x81).writeByte(BYE).writeShort(1).writeInt(ssrc);
        }
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** Parses a compound packet; throws IllegalArgumentException when it is not valid RTCP (§6.1, A.2). */
    public static Compound parse(ByteBuf in) {
        List<Report> reports = new ArrayList<>();
        java.util.Map<Integer, String> cnames = new java.util.HashMap<>();
        boolean bye = false;
        int pos = in.readerIndex();
        int end = pos + in.readableBytes();
        if (end - pos < 8) {
            throw new IllegalArgumentException("RTCP packet too short");
        }
        while (pos < end) {
            if (end - pos < 4) {
                throw new IllegalArgumentException("truncated RTCP header");
            }
            int b0 = in.getUnsignedByte(pos);
            int type = in.getUnsignedByte(pos + 1);
            int length = 4 * (in.getUnsignedShort(pos + 2) + 1);
            if (b0 >> 6 != 2 || pos + length > end) {
                throw new IllegalArgumentException("not RTCP: version " + (b0 >> 6) + ", length " + length);
            }
            int count = b0 & 0x1F;
            switch (type) {
                case SR, RR -> reports.add(report(in, pos, length, count, type == SR));
                case SDES -> sdes(in, pos, pos + length, count, cnames);
                case BYE -> bye = true;
                default -> { } // APP, XR, feedback: skipped
            }
            pos += length;
        }
        return new Compound(reports, cnames, bye);
    }

    public static Compound parse(byte[] datagram) {
        return parse(Unpooled.wrappedBuffer(datagram));
    }

    private static Report report(ByteBuf in, int pos, int length, int count, boolean sr) {
        int blocksAt = pos + (sr ? 28 : 8);
        if (length < blocksAt - pos + 24 * count) {
            throw new IllegalArgumentException("RTCP " + (sr ? "SR" : "RR") + " shorter than its " + count + " report blocks");
        }
        SenderInfo info = sr ? new SenderInfo(in.getLong(pos + 8), in.getUnsignedInt(pos + 16),
                in.getUnsignedInt(pos + 20), in.getUnsignedInt(pos + 24)) : null;
        List<ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int b = blocksAt + 24 * i;
            int lostWord = in.getInt(b + 4);
            long cumulative = (lostWord << 8) >> 8; // sign-extend 24 bits
            blocks.add(new ReportBlock(in.getInt(b), lostWord >>> 24, cumulative, in.getUnsignedInt(b + 8),
                    in.getUnsignedInt(b + 12), in.getUnsignedInt(b + 16), in.getUnsignedInt(b + 20)));
        }
        return new Report(in.getInt(pos + 4), info, List.copyOf(blocks));
    }

    private static void sdes(ByteBuf in, int start, int end, int chunks, java.util.Map<Integer, String> cnames) {
        int pos = start + 4;
        for (int c = 0; c < chunks && pos + 4 <= end; c++) {
            int ssrc = in.getInt(pos);
            pos += 4;
            while (pos < end && in.getUnsignedByte(pos) != 0) {
                int item = in.getUnsignedByte(pos);
                int len = pos + 1 < end ? in.getUnsignedByte(pos + 1) : 0;
                if (pos + 2 + len > end) {
                    return;
                }
                if (item == 1) {
                    cnames.put(ssrc, in.toString(pos + 2, len, StandardCharsets.UTF_8));
                }
                pos += 2 + len;
            }
            pos = start + ((pos - start + 4) & ~3); // END item, then the next 32-bit boundary of the packet
        }
    }
}
