package org.sipee.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Audio that other threads hand to a stream to send ({@link RtpStream#playFeed()}): the far leg of a bridge, a
 * conference mix. Producers offer 20 ms frames of 8 kHz PCM from any thread; the stream's packet clock takes one
 * per interval on its own event loop and encodes it with the stream's codec, SSRC, sequence and timestamps
 * (RFC 3550 §5.1). The producer's clock (another loop's) and the stream's have different phases, so a few frames
 * may wait: at most {@link #MAX_QUEUED}, the oldest dropped first, so the delay stays bounded. When none waits,
 * silence goes out and RTP keeps flowing. Thread-safe and non-blocking.
 */
public final class FrameFeed implements AutoCloseable {

    /** 60 ms: two loops' 20 ms clocks out of phase need one or two frames; more means the delay is growing. */
    public static final int MAX_QUEUED = 3;
    private static final short[] SILENCE = new short[ToneGenerator.FRAME_SAMPLES];

    private final BlockingQueue<short[]> frames = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final LongAdder taken = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Consumer<MediaSource> stopIfPlaying;
    private final MediaSource source = new MediaSource() {
        @Override
        public short[] nextFrame() {
            short[] f = frames.poll();
            if (f == null) {
                return SILENCE;
            }
            taken.increment();
            return f;
        }

        @Override
        public void finished(boolean completed) {
            end();
        }
    };

    /** @param stopIfPlaying the stream's: stops sending {@code source} unless something else replaced it already */
    FrameFeed(Consumer<MediaSource> stopIfPlaying) {
        this.stopIfPlaying = stopIfPlaying;
    }

    /** What the stream's send path plays. */
    MediaSource source() {
        return source;
    }

    /**
     * Queues one frame to send; the feed keeps the array, so do not change it afterwards. When {@link #MAX_QUEUED}
     * wait already, the oldest is dropped.
     *
     * @param frame 160 samples (20 ms at 8 kHz)
     * @return false when the feed has ended (the frame is discarded)
     */
    public boolean offer(short[] frame) {
        if (frame.length != ToneGenerator.FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame is " + ToneGenerator.FRAME_SAMPLES + " samples, was " + frame.length);
        }
        if (ended.isDone()) {
            return false;
        }
        while (!frames.offer(frame)) {
            if (frames.poll() != null) {
                dropped.increment();
            }
        }
        return true;
    }

    /** Frames the stream took to send (on hold, RFC 3264 §8.4, it takes them without sending: time runs on). */
    public long framesTaken() {
        return taken.sum();
    }

    /** Frames dropped because {@link #MAX_QUEUED} were waiting. */
    public long framesDropped() {
        return dropped.sum();
    }

    /**
     * Completes when the stream stops sending from this feed: something else played or stopPlaying() on it, the
     * stream closed, or {@link #close()}. It may complete on the stream's event loop: do not block in its stages.
     */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Ends the feed and stops the stream sending it, unless something else plays there already. Idempotent. */
    @Override
    public void close() {
        end();
        stopIfPlaying.accept(source);
    }

    private void end() {
        ended.complete(null);
        frames.clear();
    }
}
