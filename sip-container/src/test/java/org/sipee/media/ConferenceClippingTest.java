package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.ConferenceRoom.levelDb;

import org.junit.jupiter.api.Test;
import org.sipee.media.ConferenceRoom.Member;

class ConferenceClippingTest {

    private final ConferenceRoom room = new ConferenceRoom(new ConferenceMixer());

    @Test
    void threeFullScaleInPhaseTonesDoNotWrap() {
        Member a = room.join("a", 440, 0);
        Member b = room.join("b", 440, 0);
        Member c = room.join("c", 440, 0);
        Member listener = room.join("listener", 0, 0);
        room.run(50, a, b, c, listener);

        ToneGenerator reference = new ToneGenerator(440, 0); // the same phase as the talkers'
        int saturated = 0;
        for (short[] frame : listener.heard().frames) {
            short[] ref = reference.nextFrame();
            for (int i = 0; i < frame.length; i++) {
                if (Math.abs(ref[i]) > 1000) {
                    assertEquals(Integer.signum(ref[i]), Integer.signum(frame[i]), "wrapped: same sign as the sum");
                }
                saturated += Math.abs(frame[i]) == 32767 ? 1 : 0;
            }
        }
        assertEquals(0, saturated, "limited by gain, not by clipping");
        short[] block = listener.heard().last(10);
        double tone = levelDb(block, 440);
        assertTrue(tone > -3 && tone < 0, "440 Hz near full scale: " + tone);
        for (double harmonic : new double[] {880, 1320, 1760, 2200}) {
            assertTrue(levelDb(block, harmonic) < tone - 40, "no distortion at " + harmonic);
        }
        assertTrue(listener.participant().toString().contains("listener"));
    }

    @Test
    void loudTalkersKeepTheirFrequencies() {
        Member a = room.join("a", 440, 0);
        Member b = room.join("b", 880, 0);
        Member c = room.join("c", 1320, 0);
        Member listener = room.join("listener", 0, 0);
        room.run(50, a, b, c, listener);

        short[] block = listener.heard().last(10);
        double[] levels = {levelDb(block, 440), levelDb(block, 880), levelDb(block, 1320)};
        for (double level : levels) {
            assertTrue(Math.abs(level - levels[0]) < 1, "the three stay balanced: " + level + " vs " + levels[0]);
            assertTrue(level > -15, "each still loud: " + level);
        }
        for (double other : new double[] {660, 1100, 1760, 2200, 3000}) {
            assertTrue(levelDb(block, other) < levels[0] - 35, "no intermodulation at " + other);
        }
    }

    @Test
    void theGainComesBackAfterTheLoudPart() {
        MixLimiter limiter = new MixLimiter();
        int[] mix = new int[160];
        short[] out = new short[160];
        java.util.Arrays.fill(mix, 3 * 32767);
        limiter.limit(mix, 3 * 32767, out);
        assertTrue(limiter.gain() < 0.3f);
        assertTrue(out[159] <= MixLimiter.CEILING && out[159] > MixLimiter.CEILING - 10, "at the ceiling: " + out[159]);

        java.util.Arrays.fill(mix, 1000);
        int frames = 0;
        while (limiter.gain() < 1f) {
            limiter.limit(mix, 1000, out);
            frames++;
        }
        assertTrue(frames > 10 && frames < 40, "back to unity in 0.2..0.8 s, took " + frames + " frames");
        limiter.limit(mix, 1000, out);
        assertEquals(1000, out[0], "unity gain once released");
    }
}
