package org.sipee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sipee.media.G711;
import org.sipee.media.ToneGenerator;

/** The phone talking: a tone as PCMU packets every 20 ms from its RTP socket to the media address of an SDP answer. */
final class ToneTalker implements AutoCloseable {

    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ToneGenerator tone;
    private final SipPhone phone;
    private final InetSocketAddress to;
    private int sequence;

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

    private void sendFrame() {
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
        packet[11] = 0x42; // SSRC
        for (int i = 0; i < frame.length; i++) {
            packet[12 + i] = G711.linearToUlaw(frame[i]);
        }
        sequence++;
        try {
            phone.sendRtp(packet, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ends the schedule; the test then hears nothing and fails
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
