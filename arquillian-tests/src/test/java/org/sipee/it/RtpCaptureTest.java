package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipee.media.G711;
import org.sipee.media.RtpPacket;

/** Reads a capture written here byte by byte: packets out of order across the sequence wrap, a duplicate, other traffic. */
class RtpCaptureTest {

    @TempDir
    Path dir;

    @Test
    void packetsOfOnePayloadTypeInSequenceOrderAcrossTheWrap() throws IOException {
        Path pcap = capture(
                udp(rtp(8, 65534, (byte) 0x11)),
                udp(rtp(8, 1, (byte) 0x44)),
                udp(rtp(101, 2, (byte) 0x01)),
                udp(rtp(8, 0, (byte) 0x33)),
                tcp(),
                udp(rtp(8, 65535, (byte) 0x22)),
                udp(rtp(8, 0, (byte) 0x33)),           // a duplicate
                udp("REGISTER sip:x SIP/2.0".getBytes()));  // not RTP (version 1)
        List<RtpPacket> audio = RtpCapture.packets(pcap, 8);
        assertEquals(List.of(65534, 65535, 0, 1), audio.stream().map(RtpPacket::sequence).toList());
        assertEquals(1, RtpCapture.packets(pcap, 101).size());

        short[] decoded = RtpCapture.audio(pcap, 8);
        short[] expected = new short[8];
        byte[] order = {0x11, 0x22, 0x33, 0x44};
        for (int i = 0; i < 8; i++) {
            expected[i] = G711.alawToLinear(order[i / 2]);
        }
        assertArrayEquals(expected, decoded, "two A-law samples a packet, in sequence order");
    }

    @Test
    void aFileThatIsNotACaptureIsRefusedNamingIt() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a capture, just some text");
        IOException e = assertThrows(IOException.class, () -> RtpCapture.packets(text, 8));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    }

    private static byte[] rtp(int payloadType, int sequence, byte sample) {
        return new RtpPacket(false, payloadType, sequence, sequence * 2L, 0x1234, new byte[] {sample, sample}).toBytes();
    }

    /** An Ethernet frame with IPv4 and UDP around the payload (checksums left 0: a reader does not check them). */
    private static byte[] udp(byte[] payload) {
        ByteBuffer frame = ethernetIpv4(17, 8 + payload.length);
        frame.putShort((short) 5000).putShort((short) 6000).putShort((short) (8 + payload.length)).putShort((short) 0);
        return frame.put(payload).array();
    }

    private static byte[] tcp() {
        return ethernetIpv4(6, 20).array();
    }

    private static ByteBuffer ethernetIpv4(int protocol, int ipPayloadLength) {
        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + ipPayloadLength);
        frame.put(new byte[12]).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + ipPayloadLength)).putInt(0)
                .put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        return frame;
    }

    /** A libpcap file (little-endian, microsecond timestamps, Ethernet) with these frames, 20 ms apart. */
    private Path capture(byte[]... frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(header.array());
        for (int i = 0; i < frames.length; i++) {
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(0).putInt(i * 20_000).putInt(frames[i].length).putInt(frames[i].length);
            out.write(record.array());
            out.write(frames[i]);
        }
        return Files.write(dir.resolve("test.pcap"), out.toByteArray());
    }
}
