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
}
