package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5};

    @Test
    void encodesTheFixedHeader() {
        byte[] b = new RtpPacket(true, 8, 0xBEEF, 0xFFFFFFF0L, 0xCAFEBABE, PAYLOAD).toBytes();
        assertEquals(17, b.length);
        assertEquals((byte) 0x80, b[0]);                 // V=2
        assertEquals((byte) 0x88, b[1]);                 // M=1, PT=8
        assertArrayEquals(new byte[] {(byte) 0xBE, (byte) 0xEF}, new byte[] {b[2], b[3]});
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0}, new byte[] {b[4], b[5], b[6], b[7]});
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, new byte[] {b[8], b[9], b[10], b[11]});
    }

    @Test
    void roundTrip() {
        RtpPacket p = new RtpPacket(false, 0, 65535, 4294967295L, -1, PAYLOAD);
        RtpPacket q = RtpPacket.decode(p.toBytes());
        assertFalse(q.marker());
        assertEquals(0, q.payloadType());
        assertEquals(65535, q.sequence());
        assertEquals(4294967295L, q.timestamp());
        assertEquals(-1, q.ssrc());
        assertArrayEquals(PAYLOAD, q.payload());
    }

    @Test
    void skipsCsrcsExtensionAndPadding() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x80 | 0x20 | 0x10 | 2);   // V=2, P, X, CC=2
        b.writeByte(0x80 | 96);                // M, PT=96
        b.writeShort(7);
        b.writeInt(160);
        b.writeInt(0x11223344);
        b.writeInt(0xAAAAAAAA).writeInt(0xBBBBBBBB);             // CSRCs
        b.writeShort(0xBEDE).writeShort(2).writeLong(0x0102030405060708L); // extension, 2 words
        b.writeBytes(PAYLOAD);
        b.writeBytes(new byte[] {0, 0, 3});     // 3 octets of padding, count last
        b.readerIndex(0);
        RtpPacket p = RtpPacket.decode(b);
        assertTrue(p.marker());
        assertEquals(96, p.payloadType());
        assertEquals(7, p.sequence());
        assertEquals(160, p.timestamp());
        assertEquals(0x11223344, p.ssrc());
        assertArrayEquals(PAYLOAD, p.payload());
        assertEquals(0, b.readerIndex(), "decode does not consume");
    }

    @Test
    void rejectsMalformedPackets() {
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.decode(new byte[11]));
        byte[] v1 = new RtpPacket(false, 0, 1, 1, 1, PAYLOAD).toBytes();
        v1[0] = 0x40;
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.decode(v1));
        byte[] badPad = new RtpPacket(false, 0, 1, 1, 1, PAYLOAD).toBytes();
        badPad[0] |= 0x20;
        badPad[badPad.length - 1] = 100;
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.decode(badPad));
        byte[] tooManyCsrcs = new RtpPacket(false, 0, 1, 1, 1, PAYLOAD).toBytes();
        tooManyCsrcs[0] |= 0x0F;
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.decode(tooManyCsrcs));
        byte[] truncatedExt = new RtpPacket(false, 0, 1, 1, 1, new byte[4]).toBytes();
        truncatedExt[0] |= 0x10;
        truncatedExt[14] = 0x10;
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.decode(truncatedExt));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 128, 0, 0, 0, PAYLOAD));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 0, 65536, 0, 0, PAYLOAD));
    }
}
