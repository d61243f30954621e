package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue between a producer's thread and a stream's send clock, without a stream. */
class FrameFeedTest {

    private final List<MediaSource> stopped = new ArrayList<>();
    private final FrameFeed feed = new FrameFeed(stopped::add);

    private static short[] frame(int value) {
        short[] f = new short[160];
        java.util.Arrays.fill(f, (short) value);
        return f;
    }

    @Test
    void keepsTheNewestFramesInOrderAndSendsSilenceWhenEmpty() {
        for (int i = 1; i <= FrameFeed.MAX_QUEUED + 2; i++) {
            assertTrue(feed.offer(frame(i)));
        }
        assertEquals(2, feed.framesDropped(), "the two oldest dropped");
        for (int i = 3; i <= FrameFeed.MAX_QUEUED + 2; i++) {
            assertEquals(i, feed.source().nextFrame()[0]);
        }
        assertArrayEquals(new short[160], feed.source().nextFrame(), "silence while nothing waits");
        assertEquals(FrameFeed.MAX_QUEUED, feed.framesTaken(), "silence is not counted as taken");
        assertThrows(IllegalArgumentException.class, () -> feed.offer(new short[80]));
    }

    @Test
    void endsWhenTheStreamReplacesItAndDiscardsLaterFrames() {
        feed.offer(frame(1));
        feed.source().finished(false); // another source started on the stream
        assertTrue(feed.ended().isDone());
        assertFalse(feed.offer(frame(2)));
        assertArrayEquals(new short[160], feed.source().nextFrame(), "nothing queued after the end");
        assertEquals(List.of(), stopped, "the stream stopped it itself");
    }

    @Test
    void closeEndsItAndAsksTheStreamToStopIt() {
        feed.close();
        assertTrue(feed.ended().isDone());
        assertEquals(1, stopped.size());
        assertSame(feed.source(), stopped.get(0));
        assertFalse(feed.offer(frame(1)));
    }
}
