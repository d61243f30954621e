package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacketLossConcealmentTest {

    private static double rms(short[] f) {
        double s = 0;
        for (short x : f) {
            s += x * (double) x;
        }
        return Math.sqrt(s / f.length);
    }

    @Test
    void continuesAToneThroughALossThenFadesToSilence() {
        PacketLossConcealment plc = new PacketLossConcealment();
        ToneGenerator tone = new ToneGenerator(1000, -10);
        for (int i = 0; i < 5; i++) {
            plc.process(tone.nextFrame(), 160);
        }
        short[] concealed = plc.process(null, 160);
        double level = rms(tone.nextFrame());
        assertTrue(rms(concealed) > 0.7 * level, "first lost frame keeps most of the level: " + rms(concealed));
        assertTrue(Goertzel.power(concealed, 1000) > 100 * Goertzel.power(concealed, 1500), "and the pitch");
        plc.process(null, 160);
        plc.process(null, 160);
        short[] fourth = plc.process(null, 160);
        assertEquals(0, rms(fourth), 1e-9, "silent after 60 ms");
        assertEquals(4, plc.concealedFrames());
        short[] good = tone.nextFrame();
        short[] out = plc.process(good, 160);
        assertEquals(good[159], out[159], "good frames pass (after the cross-fade)");
    }

    @Test
    void concealsSilenceBeforeAnyAudio() {
        assertEquals(0, rms(new PacketLossConcealment().process(null, 160)), 1e-9);
    }
}
