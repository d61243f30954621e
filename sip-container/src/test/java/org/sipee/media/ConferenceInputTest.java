package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ConferenceInputTest {

    private final ConferenceInput input = new ConferenceInput();
    private final short[] out = new short[160];

    private static short[] frame(int label) {
        short[] f = new short[160];
        Arrays.fill(f, (short) label);
        return f;
    }

    private int take() {
        assertTrue(input.poll(out), "a frame is there");
        return out[0];
    }

    @Test
    void twoFramesBetweenTwoTicksAreBothHeard() {
        input.offer(frame(1));
        assertEquals(1, take());
        input.offer(frame(2)); // the loop was late for one tick...
        input.offer(frame(3)); // ...and early for the next
        assertEquals(2, take());
        assertEquals(3, take());
        assertFalse(input.poll(out), "then nothing: silence");
    }

    @Test
    void theCopyIsIndependentOfTheCallersArray() {
        short[] reused = frame(7);
        input.offer(reused);
        Arrays.fill(reused, (short) 8);
        assertEquals(7, take());
    }

    @Test
    void aBurstKeepsOnlyTheNewestFrames() {
        for (int i = 1; i <= 5; i++) {
            input.offer(frame(i));
        }
        assertEquals(ConferenceInput.CAPACITY, input.size());
        assertEquals(2, input.dropped());
        assertEquals(3, take());
    }

    @Test
    void aStandingBacklogIsTrimmed() {
        input.offer(frame(0)); // one frame too many, then one in and one out per tick: 20 ms delay kept
        int label = 1;
        for (int t = 0; t < ConferenceInput.TRIM_AFTER_TICKS - 1; t++) {
            input.offer(frame(label++));
            take();
        }
        assertEquals(1, input.size());
        input.offer(frame(label++));
        take();
        assertEquals(0, input.size(), "trimmed after a second of backlog");
        assertEquals(1, input.dropped());
    }

    @Test
    void refusesOtherFrameSizes() {
        assertThrows(IllegalArgumentException.class, () -> input.offer(new short[80]));
    }
}
