package org.sipee.media;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Plays decoded samples as 20 ms frames (the last one padded with silence). Its future completes with
 * true when the whole file was sent, false when it was stopped, replaced or the stream closed.
 */
final class WavPlayer implements MediaSource {

    private final short[] samples;
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private int position;

    WavPlayer(short[] samples) {
        this.samples = samples;
    }

    CompletableFuture<Boolean> completion() {
        return done;
    }

    @Override
    public short[] nextFrame() {
        if (position >= samples.length) {
            return null;
        }
        int n = Math.min(ToneGenerator.FRAME_SAMPLES, samples.length - position);
        short[] frame = Arrays.copyOfRange(samples, position, position + ToneGenerator.FRAME_SAMPLES); // zero-padded
        position += n;
        return frame;
    }

    @Override
    public void finished(boolean completed) {
        done.complete(completed);
    }
}
