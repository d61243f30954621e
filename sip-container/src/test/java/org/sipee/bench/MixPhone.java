package org.sipee.bench;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import org.sipee.media.RtpStream;
import org.sipee.media.StreamQuality;

/**
 * One phone of {@link MixLoadClient}: an RTP stream of the load generator's engine sending a tone to its stream on
 * the server and playing out what comes back (a room's mix, the far phone through a bridge). Counts the played-out
 * frames that carry sound, to show the mix or relay really arrives and is not just RTP with silence.
 */
final class MixPhone {

    /** RMS of a frame that carries a tone: the tones are sent at -10 dBFS (RMS about 7300), silence is 0. */
    private static final double AUDIBLE_RMS = 300;

    private final RtpStream stream;
    private final int payloadType;
    private final AtomicLong framesPlayed = new AtomicLong();
    private final AtomicLong framesAudible = new AtomicLong();
    private StreamQuality windowStart;
    private StreamQuality windowEnd;
    private long playedAtStart;
    private long audibleAtStart;
    private long playedInWindow;
    private long audibleInWindow;

    MixPhone(RtpStream stream, int payloadType) {
        this.stream = stream;
        this.payloadType = payloadType;
        stream.onAudio(this::hear);
    }

    int localPort() {
        return stream.localPort();
    }

    /** Sends {@code toneHz} to the server's stream at {@code server} with this phone's codec. */
    void call(InetSocketAddress server, double toneHz) {
        stream.connect(server, payloadType);
        stream.playTone(toneHz);
    }

    /** On the stream's event loop, every 20 ms. */
    private void hear(short[] frame) {
        double energy = 0;
        for (short s : frame) {
            energy += s * (double) s;
        }
        framesPlayed.incrementAndGet();
        if (Math.sqrt(energy / frame.length) > AUDIBLE_RMS) {
            framesAudible.incrementAndGet();
        }
    }

    void markWindowStart() {
        windowStart = stream.quality();
        playedAtStart = framesPlayed.get();
        audibleAtStart = framesAudible.get();
    }

    void markWindowEnd() {
        windowEnd = stream.quality();
        playedInWindow = framesPlayed.get() - playedAtStart;
        audibleInWindow = framesAudible.get() - audibleAtStart;
    }

    StreamQuality windowStart() {
        return windowStart;
    }

    StreamQuality windowEnd() {
        return windowEnd;
    }

    long framesPlayedInWindow() {
        return playedInWindow;
    }

    long framesAudibleInWindow() {
        return audibleInWindow;
    }
}
