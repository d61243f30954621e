package org.sipee.media;

/**
 * ITU-T G.711 µ-law and A-law companding of 16-bit linear PCM, following the reference code of
 * ITU-T G.191 (g711.c): negative inputs use their one's complement, so -1 maps to negative zero.
 */
public final class G711 {

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    // Encoding tables for 16-bit input, built from the reference code: µ-law depends only on pcm >> 2 and
    // A-law only on pcm >> 4 (both drop those low bits first, and ~x >> n == ~(x >> n)). A table lookup is
    // several times cheaper than the segment search, and every sent packet encodes 160 samples.
    private static final byte[] ULAW_OF_PCM_SHR_2 = new byte[1 << 14];
    private static final byte[] ALAW_OF_PCM_SHR_4 = new byte[1 << 12];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawExpand(i);
            ALAW_TO_LINEAR[i] = alawExpand(i);
        }
        for (int i = 0; i < ULAW_OF_PCM_SHR_2.length; i++) {
            ULAW_OF_PCM_SHR_2[i] = ulawCompress((i - (1 << 13)) << 2);
        }
        for (int i = 0; i < ALAW_OF_PCM_SHR_4.length; i++) {
            ALAW_OF_PCM_SHR_4[i] = alawCompress((i - (1 << 11)) << 4);
        }
    }

    private G711() {
    }

    /** µ-law: 14-bit magnitude, 8 segments, bias 33, all bits inverted on the wire. */
    public static byte linearToUlaw(int pcm) {
        return pcm == (short) pcm ? ULAW_OF_PCM_SHR_2[(pcm >> 2) + (1 << 13)] : ulawCompress(pcm);
    }

    private static byte ulawCompress(int pcm) {
        int absno = ((pcm < 0 ? ~pcm : pcm) >> 2) + 33;
        if (absno > 0x1FFF) {
            absno = 0x1FFF;
        }
        int segno = 1;
        for (int i = absno >> 6; i != 0; i >>= 1) {
            segno++;
        }
        int high = 8 - segno;
        int low = 0x0F - ((absno >> segno) & 0x0F);
        int out = (high << 4) | low;
        return (byte) (pcm >= 0 ? out | 0x80 : out);
    }

    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    /** A-law: 13-bit magnitude, 8 segments, even bits toggled on the wire (XOR 0x55). */
    public static byte linearToAlaw(int pcm) {
        return pcm == (short) pcm ? ALAW_OF_PCM_SHR_4[(pcm >> 4) + (1 << 11)] : alawCompress(pcm);
    }

    private static byte alawCompress(int pcm) {
        int ix = (pcm < 0 ? ~pcm : pcm) >> 4;
        if (ix > 15) {
            int exp = 1;
            while (ix > 16 + 15) {
                ix >>= 1;
                exp++;
            }
            ix = ix - 16 + (exp << 4);
        }
        if (pcm >= 0) {
            ix |= 0x80;
        }
        return (byte) (ix ^ 0x55);
    }

    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    private static short ulawExpand(int u) {
        int sign = u < 0x80 ? -1 : 1;
        int m = ~u;
        int exponent = (m >> 4) & 0x07;
        int step = 4 << (exponent + 1);
        return (short) (sign * ((0x80 << exponent) + step * (m & 0x0F) + step / 2 - 4 * 33));
    }

    private static short alawExpand(int a) {
        int ix = (a ^ 0x55) & 0x7F;
        int exp = ix >> 4;
        int mant = ix & 0x0F;
        if (exp > 0) {
            mant += 16;
        }
        mant = (mant << 4) + 8;
        if (exp > 1) {
            mant <<= exp - 1;
        }
        return (short) (a > 127 ? mant : -mant);
    }
}
