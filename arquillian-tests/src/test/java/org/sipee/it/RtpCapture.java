package org.sipee.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sipee.media.G711Codec;
import org.sipee.media.RtpPacket;

/**
 * The RTP packets of one payload type in a libpcap capture (such as SIPp's g711a.pcap), and the audio they carry.
 * Reads the classic libpcap format (global header, record headers) of Ethernet frames (optionally 802.1Q
 * tagged) with IPv4 and UDP; other records are skipped. Not pcapng.
 */
public final class RtpCapture {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int IP_PROTOCOL_UDP = 17;

    private RtpCapture() {
    }

    /** The packets with this payload type, in RTP sequence order (RFC 3550 §5.1; wrap-around handled), duplicates dropped. */
    public static List<RtpPacket> packets(Path pcap, int payloadType) throws IOException {
        List<RtpPacket> captured = new ArrayList<>();
        for (byte[] udpPayload : udpPayloads(pcap)) {
            try {
                RtpPacket p = RtpPacket.decode(udpPayload);
                if (p.payloadType() == payloadType) {
                    captured.add(p);
                }
            } catch (IllegalArgumentException notRtp) {
                // other UDP traffic in the capture (SIP, RTCP with a short header)
            }
        }
        return inSequenceOrder(captured);
    }

    /** The decoded G.711 audio (PT 0 µ-law or 8 A-law) of the capture's packets of that type, in sequence order. */
    public static short[] audio(Path pcap, int payloadType) throws IOException {
        G711Codec codec = G711Codec.forPayloadType(payloadType);
        List<short[]> frames = new ArrayList<>();
        int length = 0;
        for (RtpPacket p : packets(pcap, payloadType)) {
            short[] frame = codec.decode(p.payload());
            frames.add(frame);
            length += frame.length;
        }
        short[] audio = new short[length];
        int at = 0;
        for (short[] frame : frames) {
            System.arraycopy(frame, 0, audio, at, frame.length);
            at += frame.length;
        }
        return audio;
    }

    /** Orders by extended sequence number: each packet's 16-bit number is unwrapped relative to the one captured before it. */
    private static List<RtpPacket> inSequenceOrder(List<RtpPacket> captured) {
        record Numbered(long extended, RtpPacket packet) {
        }
        List<Numbered> numbered = new ArrayList<>();
        long extended = 0;
        int previous = -1;
        for (RtpPacket p : captured) {
            extended = previous < 0 ? p.sequence() : extended + (short) (p.sequence() - previous);
            previous = p.sequence();
            numbered.add(new Numbered(extended, p));
        }
        numbered.sort(Comparator.comparingLong(Numbered::extended));
        List<RtpPacket> ordered = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (Numbered n : numbered) {
            if (n.extended() != last) {
                ordered.add(n.packet());
                last = n.extended();
            }
        }
        return ordered;
    }

    private static List<byte[]> udpPayloads(Path pcap) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(pcap));
        if (file.remaining() < 24) {
            throw new IOException(pcap + " is not a pcap file (shorter than its global header)");
        }
        int magic = file.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            file.order(ByteOrder.BIG_ENDIAN);   // written on a big-endian machine
        } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {   // microsecond, nanosecond timestamps
            throw new IOException(pcap + " is not a libpcap file (magic " + Integer.toHexString(magic) + "; pcapng is not read)");
        }
        int linkType = file.getInt(20);
        if (linkType != LINKTYPE_ETHERNET) {
            throw new IOException(pcap + ": link type " + linkType + ", only Ethernet (1) is read");
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int at = 24; at + 16 <= file.limit(); ) {
            int captured = file.getInt(at + 8);
            int frame = at + 16;
            if (frame + captured > file.limit()) {
                break;  // a truncated last record
            }
            byte[] udp = udpPayload(ByteBuffer.wrap(file.array(), frame, captured).slice());
            if (udp != null) {
                payloads.add(udp);
            }
            at = frame + captured;
        }
        return payloads;
    }

    /** The UDP payload of an Ethernet frame with IPv4 and UDP, or null for anything else (network byte order). */
    private static byte[] udpPayload(ByteBuffer frame) {
        int at = 12;
        if (frame.limit() < at + 2) {
            return null;
        }
        int etherType = frame.getShort(at) & 0xFFFF;
        if (etherType == ETHERTYPE_VLAN) {
            at += 4;
            etherType = frame.limit() < at + 2 ? -1 : frame.getShort(at) & 0xFFFF;
        }
        int ip = at + 2;
        if (etherType != ETHERTYPE_IPV4 || frame.limit() < ip + 20 || (frame.get(ip + 9) & 0xFF) != IP_PROTOCOL_UDP) {
            return null;
        }
        int udp = ip + (frame.get(ip) & 0x0F) * 4;
        if (frame.limit() < udp + 8) {
            return null;
        }
        int payloadLength = Math.min((frame.getShort(udp + 4) & 0xFFFF) - 8, frame.limit() - udp - 8);
        if (payloadLength < 0) {
            return null;
        }
        byte[] payload = new byte[payloadLength];
        frame.get(udp + 8, payload);
        return payload;
    }
}
