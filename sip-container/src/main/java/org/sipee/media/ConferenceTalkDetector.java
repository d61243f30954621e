package org.sipee.media;

/**
 * Whether one participant is talking, from the energy of each 20 ms frame, with hysteresis in level and in
 * time so that noise or a level hovering at a threshold does not flap: talking starts after 3 frames (60 ms)
 * above -36 dBov and stops after 20 frames (400 ms, the pauses between words) below -42 dBov. Active speech
 * is around -26 dBov, line and room noise below -50 dBov (0 dBov: a full-scale square wave, ITU-T G.100.1).
 * Thresholds compare sums of squares, so no logarithm per frame. Not thread-safe: used by the mixer tick.
 */
final class ConferenceTalkDetector {

    static final double START_DBOV = -36;
    static final double STOP_DBOV = -42;
    static final int START_FRAMES = 3;
    static final int STOP_FRAMES = 20;

    private static final long START_ENERGY = frameEnergyAt(START_DBOV);
    private static final long STOP_ENERGY = frameEnergyAt(STOP_DBOV);

    private boolean talking;
    private int run;

    boolean talking() {
        return talking;
    }

    /** Takes one frame's {@link #energy}; true when this frame changed the talking state. */
    boolean update(long energy) {
        boolean towardsChange = talking ? energy < STOP_ENERGY : energy > START_ENERGY;
        run = towardsChange ? run + 1 : 0;
        if (run < (talking ? STOP_FRAMES : START_FRAMES)) {
            return false;
        }
        talking = !talking;
        run = 0;
        return true;
    }

    /** The sum of squares of a frame. */
    static long energy(short[] frame) {
        long sum = 0;
        for (short s : frame) {
            sum += s * s;
        }
        return sum;
    }

    private static long frameEnergyAt(double dbov) {
        return Math.round(ToneGenerator.FRAME_SAMPLES * 32768.0 * 32768.0 * Math.pow(10, dbov / 10));
    }
}
