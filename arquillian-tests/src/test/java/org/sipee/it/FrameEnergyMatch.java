package org.sipee.it;

/**
 * Whether a recording is recognisably some reference audio (8 kHz PCM): their loudness over time, the log energy of
 * each 20 ms frame, must rise and fall together. A recording starts at another moment than the reference and has
 * silence around it, so the reference is slid along the recording to the lag where the envelopes correlate best
 * (Pearson); the recording passes when that correlation is high and the overlap covers nearly all of the reference.
 * Codecs, jitter buffering and sample-level shifts barely change a frame's energy, but lost, stretched or
 * foreign audio does.
 */
public record FrameEnergyMatch(int lagFrames, double correlation, int overlapFrames, int referenceFrames,
        int recordingFrames) {

    public static final int FRAME_SAMPLES = 160;
    /** Energy floor (a level of about 10 of 32767): digital silence and a codec's idle noise count the same. */
    private static final double ENERGY_FLOOR = 100;

    /** Frame lags are tried while at least half of the shorter signal overlaps: shorter overlaps correlate by chance. */
    public static FrameEnergyMatch of(short[] reference, short[] recording) {
        double[] ref = logEnergy(reference);
        double[] rec = logEnergy(recording);
        int minOverlap = Math.max(1, Math.min(ref.length, rec.length) / 2);
        FrameEnergyMatch best = new FrameEnergyMatch(0, Double.NaN, 0, ref.length, rec.length);
        for (int lag = -(ref.length - minOverlap); lag <= rec.length - minOverlap; lag++) {
            int from = Math.max(0, -lag);
            int to = Math.min(ref.length, rec.length - lag);
            double r = pearson(ref, rec, from, to, lag);
            if (!Double.isNaN(r) && (Double.isNaN(best.correlation) || r > best.correlation)) {
                best = new FrameEnergyMatch(lag, r, to - from, ref.length, rec.length);
            }
        }
        return best;
    }

    /**
     * Asserts that the recording is recognisably the reference: correlation at least 0.9 over at least 90 % of the
     * reference. Returns the match, whose figures the failure message gives.
     */
    public static FrameEnergyMatch assertRecognisable(short[] reference, short[] recording, String what) {
        FrameEnergyMatch match = of(reference, recording);
        if (!match.matches(0.9, 0.9)) {
            throw new AssertionError(what + " is not recognisably the reference audio: " + match);
        }
        return match;
    }

    /** The share of the reference's frames that the recording holds at the best lag. */
    public double coverage() {
        return referenceFrames == 0 ? 0 : overlapFrames / (double) referenceFrames;
    }

    /** Correlation at least {@code minCorrelation} over at least {@code minCoverage} of the reference. */
    public boolean matches(double minCorrelation, double minCoverage) {
        return correlation >= minCorrelation && coverage() >= minCoverage;
    }

    @Override
    public String toString() {
        String envelopes = Double.isNaN(correlation)
                ? "energy envelopes do not correlate (one is constant: silence or a steady tone)"
                : String.format("energy envelopes correlate %.3f at a lag of %+d frames (%+d ms; + = the recording "
                        + "starts earlier)", correlation, lagFrames, lagFrames * 20);
        return String.format("%s, overlapping %d of the reference's %d frames (%.0f %%); recording %.2f s, reference %.2f s",
                envelopes, overlapFrames, referenceFrames, 100 * coverage(), recordingFrames * 0.02, referenceFrames * 0.02);
    }

    /** 10·log10 of each whole 20 ms frame's mean square, above the floor. */
    static double[] logEnergy(short[] pcm) {
        double[] frames = new double[pcm.length / FRAME_SAMPLES];
        for (int f = 0; f < frames.length; f++) {
            double sum = 0;
            for (int i = f * FRAME_SAMPLES; i < (f + 1) * FRAME_SAMPLES; i++) {
                sum += pcm[i] * (double) pcm[i];
            }
            frames[f] = 10 * Math.log10(sum / FRAME_SAMPLES + ENERGY_FLOOR);
        }
        return frames;
    }

    /** Pearson correlation of ref[from..to) with rec[from+lag..to+lag); NaN when either is constant there. */
    private static double pearson(double[] ref, double[] rec, int from, int to, int lag) {
        int n = to - from;
        double meanRef = 0;
        double meanRec = 0;
        for (int i = from; i < to; i++) {
            meanRef += ref[i];
            meanRec += rec[i + lag];
        }
        meanRef /= n;
        meanRec /= n;
        double cov = 0;
        double varRef = 0;
        double varRec = 0;
        for (int i = from; i < to; i++) {
            double a = ref[i] - meanRef;
            double b = rec[i + lag] - meanRec;
            cov += a * b;
            varRef += a * a;
            varRec += b * b;
        }
        return varRef < 1e-9 || varRec < 1e-9 ? Double.NaN : cov / Math.sqrt(varRef * varRec);
    }
}
