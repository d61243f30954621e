package org.sipee.it;

import java.io.IOException;
import java.net.InetSocketAddress;

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
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE);
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
        p[12] = (byte) event;
        p[13] = (byte) ((end ? 0x80 : 0) | 10); // E bit, volume -10 dBm0
        p[14] = (byte) (duration >> 8);
        p[15] = (byte) duration;
        return p;
    }
}
