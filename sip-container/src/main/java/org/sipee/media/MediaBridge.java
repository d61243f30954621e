package org.sipee.media;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Two streams joined so each leg hears the other ({@link MediaEngine#bridge}). Audio: the frames one leg plays out
 * (after its jitter buffer and concealment) go to the other leg's {@link FrameFeed}, which sends them with that
 * leg's codec, SSRC, sequence and timestamps, so PCMU on one leg and PCMA on the other work (through 16-bit PCM;
 * same-law G.711 re-encoding gives back the bytes received). DTMF: a digit received as RFC 4733 telephone-events
 * is sent again as telephone-events on the other leg, with that leg's payload type and the digit's duration, once
 * it has ended (§2.5.2 reports it then); it never reaches the other leg as audio.
 * <p>
 * The legs may run on different event loops: frames cross through the feed's small queue and nothing waits.
 * Hold (RFC 3264 §8.4, {@link RtpStream#sending(boolean) sending(false)}) on one leg only stops what that leg
 * sends; the other leg still hears it. The bridge ends on {@link #close()}, when either stream closes, or when
 * something else is played on a leg (a tone, a file, echo, stopPlaying()): then both legs stop playing the bridge
 * and every listener it added is removed. Thread-safe.
 */
public final class MediaBridge implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MediaBridge.class.getName());
    /** RFC 4733 events shorter than one packet are sent as one packet's worth (DtmfSender's minimum). */
    private static final Duration MIN_DIGIT = Duration.ofMillis(20);

    /**
     * @param framesAToB frames b's leg took from a's audio; likewise {@code framesBToA}
     * @param framesDropped frames dropped on either leg because the queue was full
     * @param digitsAToB DTMF digits received on a and sent on b; likewise {@code digitsBToA}
     */
    public record Stats(long framesAToB, long framesBToA, long framesDropped, long digitsAToB, long digitsBToA) {
    }

    private final Leg a;
    private final Leg b;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    MediaBridge(RtpStream a, RtpStream b) {
        if (a == b) {
            throw new IllegalArgumentException("cannot bridge " + a + " with itself");
        }
        FrameFeed toA = a.playFeed();
        FrameFeed toB;
        try {
            toB = b.playFeed();
        } catch (RuntimeException closedStream) {
            toA.close();
            throw closedStream;
        }
        this.a = new Leg(a, toA, b, toB);
        this.b = new Leg(b, toB, a, toA);
        this.a.attach();
        this.b.attach();
        // Last: a feed that ends (its stream closed, another source played) may run close() at once.
        toA.ended().thenRun(this::close);
        toB.ended().thenRun(this::close);
    }

    public Stats stats() {
        return new Stats(b.feed.framesTaken(), a.feed.framesTaken(), a.feed.framesDropped() + b.feed.framesDropped(),
                a.digits.sum(), b.digits.sum());
    }

    /**
     * Completes once the bridge has ended, by {@link #close()} or otherwise (see the class comment); it may complete
     * on a stream's event loop, so do not block in its stages.
     */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Unbridges: both streams stop playing the bridge (unless something else plays already) and lose its listeners. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            a.detach();
            b.detach();
            ended.complete(null);
        }
    }

    @Override
    public String toString() {
        return "MediaBridge[" + a.stream + " <-> " + b.stream + "]";
    }

    /** One stream of the bridge: the feed it sends from, and the listeners that pass what it receives to the far leg. */
    private static final class Leg {
        final RtpStream stream;
        final FrameFeed feed;
        /** Digits received on this leg and sent on the far one. */
        final LongAdder digits = new LongAdder();
        private final Consumer<short[]> audio;
        private final Consumer<DtmfEvent> dtmf;

        Leg(RtpStream stream, FrameFeed feed, RtpStream far, FrameFeed farFeed) {
            this.stream = stream;
            this.feed = feed;
            this.audio = farFeed::offer;
            this.dtmf = e -> sendDigit(far, e);
        }

        void attach() {
            stream.onAudio(audio);
            stream.onDtmf(dtmf);
        }

        /** Runs on this leg's event loop; sendDtmf only queues the digit on the far leg's loop. */
        private void sendDigit(RtpStream far, DtmfEvent e) {
            try {
                far.sendDtmf(e.digit(), e.duration().compareTo(MIN_DIGIT) < 0 ? MIN_DIGIT : e.duration());
                digits.increment();
            } catch (IllegalStateException noTelephoneEventOrClosed) {
                LOG.log(System.Logger.Level.DEBUG, () -> "DTMF '" + e.digit() + "' not bridged: " + noTelephoneEventOrClosed.getMessage());
            }
        }

        void detach() {
            stream.removeAudioListener(audio);
            stream.removeDtmfListener(dtmf);
            feed.close();
        }
    }
}
