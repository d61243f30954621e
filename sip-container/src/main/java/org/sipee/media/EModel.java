package org.sipee.media;

/**
 * A simplified ITU-T G.107 E-model for G.711 with packet-loss concealment: all other impairments at
 * their defaults (R0 - Is = 93.2), the delay impairment Id from the one-way mouth-to-ear delay, the
 * effective equipment impairment Ie-eff from random packet loss (G.107 §7.4, G.711 with PLC: Ie = 0,
 * Bpl = 25.1 per G.113 Appendix I), and the MOS-CQE of R (G.107 Annex B).
 */
public final class EModel {

    private static final double R_DEFAULT = 93.2;
    private static final double IE_G711 = 0;
    private static final double BPL_G711_PLC = 25.1;

    private EModel() {
    }

    /** @param oneWayDelayMs mouth-to-ear delay; @param lossPercent packet loss, 0..100 */
    public static double rFactor(double oneWayDelayMs, double lossPercent) {
        double d = Math.max(0, oneWayDelayMs);
        double id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
        double ppl = Math.max(0, Math.min(100, lossPercent));
        double ieEff = IE_G711 + (95 - IE_G711) * ppl / (ppl + BPL_G711_PLC); // BurstR = 1 (random loss)
        return R_DEFAULT - id - ieEff;
    }

    /** G.107 Annex B: MOS from R, 1..4.5. */
    public static double mos(double r) {
        if (r <= 0) {
            return 1;
        }
        if (r >= 100) {
            return 4.5;
        }
        return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
    }
}
