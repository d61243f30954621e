package org.sipee.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * An RTP data packet (RFC 3550 §5.1). Encoding always writes V=2, no padding, no extension, no CSRCs;
 * decoding accepts all of them, skipping the CSRC list (§5.1 CC) and the header extension (§5.3.1) and
 * dropping padding (§5.1 P).
 *
 * @param sequence  16-bit sequence number, 0..65535
 * @param timestamp 32-bit timestamp, kept in the low 32 bits of the long
 * @param ssrc      32-bit synchronization source, as a Java int
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, int ssrc, byte[] payload) {

    /** Fixed header size without CSRCs (§5.1). */
    public static final int HEADER_SIZE = 12;

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, was " + payloadType);
        }
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence must be 0..65535, was " + sequence);
        }
        timestamp &= 0xFFFFFFFFL;
    }

    /** Writes the packet at the writer index of {@code out}. */
    public void encode(ByteBuf out) {
        out.writeByte(0x80);                                   // V=2, P=0, X=0, CC=0
        out.writeByte((marker ? 0x80 : 0) | payloadType);      // M, PT
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt(ssrc);
        out.writeBytes(payload);
    }

    public byte[] toBytes() {
        ByteBuf buf = Unpooled.buffer(HEADER_SIZE + payload.length);
        encode(buf);
        return buf.array();
    }

    public static RtpPacket decode(byte[] datagram) {
        return decode(Unpooled.wrappedBuffer(datagram));
    }

    /**
     * Decodes the readable bytes of {@code in} (one whole datagram) without moving its reader index.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed RTP packet
     */
    public static RtpPacket decode(ByteBuf in) {
        int start = in.readerIndex();
        int length = in.readableBytes();
        if (length < HEADER_SIZE) {
            throw new IllegalArgumentException("RTP packet too short: " + length + " bytes");
        }
        int b0 = in.getUnsignedByte(start);
        if (b0 >> 6 != 2) {
            throw new IllegalArgumentException("not RTP version 2: V=" + (b0 >> 6));
        }
        int b1 = in.getUnsignedByte(start + 1);
        int offset = HEADER_SIZE + 4 * (b0 & 0x0F);            // skip the CSRC list
        if ((b0 & 0x10) != 0) {                                // X: extension header, 4 bytes + length words (§5.3.1)
            if (length < offset + 4) {
                throw new IllegalArgumentException("RTP header extension truncated");
            }
            offset += 4 + 4 * in.getUnsignedShort(start + offset + 2);
        }
        int end = length;
        if ((b0 & 0x20) != 0) {                                // P: last octet counts the padding, itself included
            int padding = in.getUnsignedByte(start + length - 1);
            if (padding == 0 || offset + padding > length) {
                throw new IllegalArgumentException("bad RTP padding length " + padding);
            }
            end -= padding;
        }
        if (offset > end) {
            throw new IllegalArgumentException("RTP header (" + offset + " bytes) longer than the packet (" + length + ")");
        }
        byte[] payload = new byte[end - offset];
        in.getBytes(start + offset, payload);
        return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7F, in.getUnsignedShort(start + 2),
                in.getUnsignedInt(start + 4), in.getInt(start + 8), payload);
    }

    /** The size of the encoded packet. */
    public int encodedSize() {
        return HEADER_SIZE + payload.length;
    }
}
