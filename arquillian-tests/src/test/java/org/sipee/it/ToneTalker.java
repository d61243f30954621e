package org.sipee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sipee.media.G711;
import org.sipee.media.ToneGenerator;

/**
 * The phone talking: a tone as PCMU packets every 20 ms from its RTP socket to the media address of an SDP answer.
 * Keys pressed while talking go out in the same stream, as a phone sends them: RFC 4733 events in place of audio.
 */
final class ToneTalker implements AutoCloseable {

    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");

    private static final int SSRC = 0x42;
    /** Packets of one key press: the duration grows to 100 ms over 5 packets, the end packet is sent 3 times (§2.5.1.4). */
    private static final int PRESS_PACKETS = 7;
    private static final int GROWING_PACKETS = 5;

    private final Queue<Character> keys = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ToneGenerator tone;
    private final SipPhone phone;
    private final InetSocketAddress to;
    private int sequence;
    /** The event being sent (-1: none), its start timestamp and how many of its packets went out. */
    private int event = -1;
    private int eventTimestamp;
    private int eventPackets;

    ToneTalker(SipPhone phone, String answerSdp, double hz) {
        this.phone = phone;
        this.to = mediaAddress(answerSdp);
        this.tone = new ToneGenerator(hz, -10);
        clock.scheduleAtFixedRate(this::sendFrame, 0, 20, TimeUnit.MILLISECONDS);
    }

    static InetSocketAddress mediaAddress(String sdp) {
        Matcher host = CONNECTION.matcher(sdp);
        Matcher port = AUDIO_PORT.matcher(sdp);
        if (!host.find() || !port.find()) {
            throw new IllegalArgumentException("no c= or m=audio line in " + sdp);
        }
        return new InetSocketAddress(host.group(1), Integer.parseInt(port.group(1)));
    }

    /** Presses a key (100 ms) once the keys pressed before are sent; the tone pauses meanwhile. */
    void press(char key) {
        DtmfPackets.event(key); // refuses a non-key here, not on the clock thread
        keys.add(key);
    }

    private void sendFrame() {
        if (event < 0 && !keys.isEmpty()) {
            event = DtmfPackets.event(keys.poll());
            eventTimestamp = sequence * ToneGenerator.FRAME_SAMPLES;
            eventPackets = 0;
        }
        byte[] packet = event >= 0 ? eventPacket() : audioPacket();
        sequence++;
        try {
            phone.sendRtp(packet, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ends the schedule; the test then hears nothing and fails
        }
    }

    private byte[] eventPacket() {
        eventPackets++;
        boolean end = eventPackets >= GROWING_PACKETS;
        byte[] packet = DtmfPackets.packet(sequence, eventTimestamp, SSRC, eventPackets == 1, event, end,
                Math.min(eventPackets, GROWING_PACKETS) * ToneGenerator.FRAME_SAMPLES);
        if (eventPackets == PRESS_PACKETS) {
            event = -1;
        }
        return packet;
    }

    private byte[] audioPacket() {
        short[] frame = tone.nextFrame();
        byte[] packet = new byte[12 + frame.length];
        packet[0] = (byte) 0x80; // RTP version 2, PT 0 (PCMU)
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        int timestamp = sequence * frame.length;
        packet[4] = (byte) (timestamp >> 24);
        packet[5] = (byte) (timestamp >> 16);
        packet[6] = (byte) (timestamp >> 8);
        packet[7] = (byte) timestamp;
        packet[11] = SSRC;
        for (int i = 0; i < frame.length; i++) {
            packet[12 + i] = G711.linearToUlaw(frame[i]);
        }
        return packet;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
