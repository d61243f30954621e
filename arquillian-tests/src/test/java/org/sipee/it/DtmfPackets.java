package org.sipee.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** A phone pressing keys: RFC 4733 telephone-event packets (PT 101) from the phone's RTP socket. */
final class DtmfPackets {

    private static final String DIGITS = "0123456789*#ABCD";
    private static final int PAYLOAD_TYPE = 101;
    private static final int SSRC = 0x4733;

    private int sequence;
    private int timestamp;

    /**
     * One key press of 100 ms (800 timestamp units): the first packet with the marker bit (§2.5.1.2), then the end
     * packet three times (§2.5.1.4), all with the event's start timestamp.
     */
    void press(SipPhone phone, InetSocketAddress to, char digit) throws IOException {
        int event = event(digit);
        phone.sendRtp(packet(sequence++, timestamp, SSRC, true, event, false, 160), to);
        for (int i = 0; i < 3; i++) {
            phone.sendRtp(packet(sequence++, timestamp, SSRC, false, event, true, 800), to);
        }
        timestamp += 800 + 160;
    }

    /** One 20 ms PCMU packet of silence (µ-law 0xFF) in the same stream, e.g. media before and between the keys. */
    void talk(SipPhone phone, InetSocketAddress to) throws IOException {
        byte[] p = new byte[12 + 160];
        header(p, sequence++, timestamp, SSRC, false, 0);
        Arrays.fill(p, 12, p.length, (byte) 0xFF);
        phone.sendRtp(p, to);
        timestamp += 160;
    }

    /** The RFC 4733 event code of a key. */
    static int event(char digit) {
        int event = DIGITS.indexOf(digit);
        if (event < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        return event;
    }

    /** One telephone-event packet (PT 101) of a stream: the event's start timestamp, its duration so far. */
    static byte[] packet(int sequence, int timestamp, int ssrc, boolean marker, int event, boolean end, int duration) {
        byte[] p = new byte[16];
        header(p, sequence, timestamp, ssrc, marker, PAYLOAD_TYPE);
        p[12] = (byte) event;
        p[13] = (byte) ((end ? 0x80 : 0) | 10); // E bit, volume -10 dBm0
        p[14] = (byte) (duration >> 8);
        p[15] = (byte) duration;
        return p;
    }

    /** The RTP fixed header (RFC 3550 §5.1), version 2. */
    private static void header(byte[] p, int sequence, int timestamp, int ssrc, boolean marker, int payloadType) {
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        p[2] = (byte) (sequence >> 8);
        p[3] = (byte) sequence;
        p[4] = (byte) (timestamp >> 24);
        p[5] = (byte) (timestamp >> 16);
        p[6] = (byte) (timestamp >> 8);
        p[7] = (byte) timestamp;
        p[8] = (byte) (ssrc >> 24);
        p[9] = (byte) (ssrc >> 16);
        p[10] = (byte) (ssrc >> 8);
        p[11] = (byte) ssrc;
    }
}
