package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sipee.media.Goertzel;

/** What a listener would call "hearing a tone": its frequency stands 20 dB above neighbouring probes. */
final class Tones {

    private static final double[] PROBES_HZ = {300, 440, 1000};

    private Tones() {
    }

    /** Whether {@code hz} stands 20 dB above each other probe in this audio (some audio at all). */
    static boolean dominant(short[] heard, double hz) {
        double at = Goertzel.power(heard, hz);
        for (double probe : PROBES_HZ) {
            if (probe != hz && !(at > 100 * Goertzel.power(heard, probe))) {
                return false;
            }
        }
        return heard.length > 0;
    }

    /**
     * Whether {@code hz} carries at least a tenth of the audio's energy: a tone heard within a mix (two tones mixed carry
     * about half each, a tone absent from the mix next to nothing).
     */
    static boolean present(short[] heard, double hz) {
        double energy = 0;
        for (short s : heard) {
            energy += s * (double) s;
        }
        return energy > heard.length * 100.0 && Goertzel.power(heard, hz) > 0.1 * (heard.length / 2.0) * energy;
    }

    /** At least {@code minFrames} 20 ms frames, with {@code hz} 100 times (20 dB) stronger than each other probe. */
    static void assertDominant(short[] heard, double hz, int minFrames, String what) {
        assertTrue(heard.length >= minFrames * 160, what + ": only " + heard.length / 160 + " frames of audio");
        double at = Goertzel.power(heard, hz);
        for (double probe : PROBES_HZ) {
            if (probe != hz) {
                assertTrue(at > 100 * Goertzel.power(heard, probe), what + ": " + hz + " Hz is not 20 dB above " + probe + " Hz");
            }
        }
    }
}
