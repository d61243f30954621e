package org.sipee.media;

/**
 * Packet-loss concealment for 8 kHz PCM frames, after ITU-T G.711 Appendix I: a lost frame is
 * synthesized by repeating the last pitch period of the history (pitch found by autocorrelation over
 * 5..15 ms), played at full level for the first 10 ms of an erasure, then attenuated by 20 % per 10 ms,
 * silent after 60 ms. The first good frame after an erasure is cross-faded with the synthetic signal so
 * the joins do not click. Not thread-safe.
 */
final class PacketLossConcealment {

    private static final int HISTORY = 390;           // 48.75 ms, as in Appendix I
    private static final int MIN_PITCH = 40;          // 200 Hz
    private static final int MAX_PITCH = 120;         // 66.7 Hz
    private static final int CORRELATION_LENGTH = 160;
    private static final int FADE_IN = 40;            // 5 ms cross-fade into the first good frame
    private static final int SILENT_AFTER = 480;      // 60 ms

    private final short[] history = new short[HISTORY];
    private boolean hasHistory;
    private int erasedSamples;
    private short[] period;
    private int periodPos;
    private volatile long concealed;

    /** @param frame a decoded frame, or null when it is lost; returns the frame to play */
    short[] process(short[] frame, int frameSamples) {
        if (frame == null) {
            concealed++;
            return conceal(frameSamples);
        }
        short[] out = frame;
        if (erasedSamples > 0 && period != null) {
            out = frame.clone();
            for (int i = 0; i < Math.min(FADE_IN, out.length); i++) {
                double w = (i + 1) / (double) (FADE_IN + 1);
                out[i] = (short) Math.round(w * out[i] + (1 - w) * nextSynthetic() * gain(erasedSamples + i));
            }
        }
        erasedSamples = 0;
        period = null;
        remember(out);
        return out;
    }

    private short[] conceal(int n) {
        short[] out = new short[n];
        if (!hasHistory) {
            return out;
        }
        if (erasedSamples == 0) {
            int p = pitch();
            period = new short[p];
            System.arraycopy(history, HISTORY - p, period, 0, p);
            periodPos = 0;
        }
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.round(nextSynthetic() * gain(erasedSamples + i));
        }
        erasedSamples += n;
        return out; // concealed audio does not enter the history: each period stays the last real one
    }

    private short nextSynthetic() {
        short s = period[periodPos];
        periodPos = (periodPos + 1) % period.length;
        return s;
    }

    /** Full level for 10 ms, then a linear ramp of -20 % per 10 ms, silence from 60 ms. */
    private static double gain(int erased) {
        if (erased >= SILENT_AFTER) {
            return 0;
        }
        return erased < 80 ? 1 : Math.max(0, 1 - 0.2 * (erased - 80) / 80.0); // reaches 0 at 60 ms
    }

    /** The lag in 40..120 that maximizes the normalized autocorrelation of the recent history. */
    private int pitch() {
        int best = MIN_PITCH;
        double bestScore = -Double.MAX_VALUE;
        int start = HISTORY - CORRELATION_LENGTH;
        for (int lag = MIN_PITCH; lag <= MAX_PITCH; lag++) {
            double corr = 0;
            double energy = 1e-9;
            for (int i = start; i < HISTORY; i++) {
                corr += history[i] * (double) history[i - lag];
                energy += history[i - lag] * (double) history[i - lag];
            }
            double score = corr / Math.sqrt(energy);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private void remember(short[] frame) {
        int n = Math.min(frame.length, HISTORY);
        System.arraycopy(history, n, history, 0, HISTORY - n);
        System.arraycopy(frame, frame.length - n, history, HISTORY - n, n);
        hasHistory = true;
    }

    long concealedFrames() {
        return concealed;
    }
}
