package org.sipee.media;

/** Goertzel filter: the power of one frequency in a block of 8 kHz samples (tone and DTMF detection). */
public final class Goertzel {

    private Goertzel() {
    }

    public static double power(short[] samples, double frequencyHz) {
        double coeff = 2 * Math.cos(2 * Math.PI * frequencyHz / 8000);
        double s1 = 0;
        double s2 = 0;
        for (short x : samples) {
            double s0 = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    /**
     * The share of the block's energy at {@code frequencyHz}: about 1 for a pure tone, about 0.5 for each of two equal
     * tones mixed, near 0 for a tone that is absent; 0 for silence. Tells which tones a conference mix carries.
     */
    public static double energyShare(short[] samples, double frequencyHz) {
        double energy = 0;
        for (short x : samples) {
            energy += x * (double) x;
        }
        return energy == 0 ? 0 : power(samples, frequencyHz) / (samples.length / 2.0 * energy);
    }
}
