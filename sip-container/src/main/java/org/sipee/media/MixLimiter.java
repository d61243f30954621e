package org.sipee.media;

/**
 * Brings one listener's mix (an int sum of several 16-bit talkers) back into 16 bits without wrapping and
 * without clipping: a peak limiter whose gain drops at once to what the frame's peak needs and rises back
 * slowly. A gain change keeps the waveform (the talkers' frequencies and formants) where a per-sample
 * soft-clip curve would add harmonics and intermodulation on every loud frame. The whole 20 ms frame is known
 * before it is scaled, so it serves as look-ahead: the gain ramps down over up to 2 ms (no step, no click)
 * and reaches its new value by the first sample that the old gain would have pushed over the ceiling, so no
 * sample ever exceeds it; rising by 0.5 dB per frame (25 dB/s), spread over the frame, does not pump on
 * syllables. Saturation at ±32767 stays only as a guard against float rounding. Not thread-safe: one per
 * listener, used by the mixer tick.
 */
final class MixLimiter {

    /** -1 dBFS: the limited mix stays a little below full scale, which G.711 then codes without overload. */
    static final int CEILING = 29204;
    private static final float RELEASE_PER_FRAME = (float) Math.pow(10, 0.5 / 20);
    private static final int ATTACK_SAMPLES = 16;

    private float gain = 1f;

    /** The gain applied at the end of the last frame (1 when not limiting). */
    float gain() {
        return gain;
    }

    /** Writes {@code mix} limited to 16 bits into {@code out}; {@code peak} is the largest |mix[i]|. */
    void limit(int[] mix, int peak, short[] out) {
        float target = peak > CEILING ? (float) CEILING / peak : 1f;
        float next = Math.min(target, gain * RELEASE_PER_FRAME);
        if (next >= 1f && gain >= 1f) { // the common case: nothing to limit, every sample fits
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) mix[i];
            }
            gain = 1f;
            return;
        }
        next = Math.min(next, 1f);
        int ramp = next < gain ? attackLength(mix) : out.length; // fall fast, rise across the whole frame
        float step = (next - gain) / ramp;
        for (int i = 0; i < out.length; i++) {
            float g = i < ramp ? gain + step * (i + 1) : next;
            int v = Math.round(mix[i] * g);
            out[i] = (short) Math.max(-32767, Math.min(32767, v));
        }
        gain = next;
    }

    /** Up to 2 ms, but ending by the first sample the current gain would push over the ceiling. */
    private int attackLength(int[] mix) {
        for (int i = 0; i < ATTACK_SAMPLES; i++) {
            if (Math.abs(mix[i]) * gain > CEILING) {
                return i + 1;
            }
        }
        return ATTACK_SAMPLES;
    }
}
