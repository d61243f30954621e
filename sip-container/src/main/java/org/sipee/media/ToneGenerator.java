package org.sipee.media;

/**
 * A sine tone in 20 ms frames of 8 kHz 16-bit PCM (160 samples, the RFC 3551 §4.5 default packetization).
 * The phase carries over from frame to frame, so consecutive frames join without a click. Not thread-safe.
 */
public final class ToneGenerator {

    public static final int SAMPLE_RATE = 8000;
    public static final int FRAME_SAMPLES = 160;

    private final double phaseStep;
    private final double amplitude;
    private double phase;

    /**
     * @param frequencyHz   0 < f < 4000 (Nyquist at 8 kHz)
     * @param amplitudeDbfs peak level relative to full scale (32767), e.g. -10; at most 0
     */
    public ToneGenerator(double frequencyHz, double amplitudeDbfs) {
        if (!(frequencyHz > 0 && frequencyHz < SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("tone frequency must be between 0 and 4000 Hz, was " + frequencyHz);
        }
        if (!(amplitudeDbfs <= 0)) {
            throw new IllegalArgumentException("amplitude must be at most 0 dBFS, was " + amplitudeDbfs);
        }
        this.phaseStep = 2 * Math.PI * frequencyHz / SAMPLE_RATE;
        this.amplitude = 32767 * Math.pow(10, amplitudeDbfs / 20);
    }

    /** The peak sample value this generator produces. */
    public double amplitude() {
        return amplitude;
    }

    /** The next {@code duration} of the tone (rounded to samples; at least one frame, at most 10 minutes). */
    public short[] samples(java.time.Duration duration) {
        long n = duration.toMillis() * SAMPLE_RATE / 1000;
        if (n < FRAME_SAMPLES || n > 600L * SAMPLE_RATE) {
            throw new IllegalArgumentException("tone duration must be 20 ms .. 10 min, was " + duration);
        }
        return fill(new short[(int) n]);
    }

    /** The next 160 samples. */
    public short[] nextFrame() {
        return fill(new short[FRAME_SAMPLES]);
    }

    private short[] fill(short[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += phaseStep;
        }
        phase %= 2 * Math.PI; // keep the accumulator small so precision does not drift
        return out;
    }
}
