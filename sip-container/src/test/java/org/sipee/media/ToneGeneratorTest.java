package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    @Test
    void framesAre20msAtTheRequestedLevel() {
        ToneGenerator g = new ToneGenerator(440, -10);
        assertEquals(10362, g.amplitude(), 1);
        int peak = 0;
        for (int f = 0; f < 10; f++) {
            short[] frame = g.nextFrame();
            assertEquals(160, frame.length);
            for (short s : frame) {
                peak = Math.max(peak, Math.abs(s));
            }
        }
        assertTrue(peak > 10300 && peak <= 10363, "peak " + peak);
    }

    @Test
    void phaseContinuesAcrossFrames() {
        ToneGenerator g = new ToneGenerator(1000, -10);
        double amplitude = g.amplitude();
        int n = 0;
        for (int f = 0; f < 50; f++) {
            for (short s : g.nextFrame()) {
                double expected = amplitude * Math.sin(2 * Math.PI * 1000 * n / 8000.0);
                assertEquals(expected, s, 1.0, "sample " + n);
                n++;
            }
        }
    }

    @Test
    void toneIsAtItsFrequency() {
        ToneGenerator g = new ToneGenerator(440, -10);
        short[] pcm = new short[1600];
        for (int f = 0; f < 10; f++) {
            System.arraycopy(g.nextFrame(), 0, pcm, f * 160, 160);
        }
        assertTrue(Goertzel.power(pcm, 440) > 1000 * Goertzel.power(pcm, 1000));
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(0, -10));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(4000, -10));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(440, 3));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(Double.NaN, -10));
    }
}
