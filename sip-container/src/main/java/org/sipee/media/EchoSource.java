package org.sipee.media;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Echo mode: the receive path's played-out frames (after jitter buffer and concealment) are queued and
 * sent back, re-encoded, by the send clock. At most {@link #MAX_QUEUED} frames wait; older ones are
 * dropped so the echo never lags far behind. Both sides run on the stream's event loop.
 */
final class EchoSource implements MediaSource, Consumer<short[]> {

    static final int MAX_QUEUED = 5;
    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private final Runnable detach;
    private boolean ended;

    /** @param detach removes this source from the receive path's sinks */
    EchoSource(Runnable detach) {
        this.detach = detach;
    }

    /** An echo source fed by the receive path's played-out frames; detaches itself when finished. */
    static EchoSource attach(ReceivePath receive) {
        EchoSource[] self = new EchoSource[1];
        self[0] = new EchoSource(() -> receive.removeSink(self[0]));
        receive.addSink(self[0]);
        return self[0];
    }

    @Override
    public void accept(short[] frame) {
        if (!ended) {
            if (frames.size() == MAX_QUEUED) {
                frames.poll();
            }
            frames.add(frame);
        }
    }

    /** Silence while nothing has arrived: echo keeps sending until stopped. */
    @Override
    public short[] nextFrame() {
        short[] f = frames.poll();
        return f != null ? f : new short[ToneGenerator.FRAME_SAMPLES];
    }

    @Override
    public void finished(boolean completed) {
        ended = true;
        frames.clear();
        detach.run();
    }
}
