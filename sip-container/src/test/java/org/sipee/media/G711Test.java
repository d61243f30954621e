package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {

    private static int u(int pcm) {
        return G711.linearToUlaw(pcm) & 0xFF;
    }

    private static int a(int pcm) {
        return G711.linearToAlaw(pcm) & 0xFF;
    }

    @Test
    void ulawEncodeTable() {
        assertEquals(0xFF, u(0));
        assertEquals(0xFF, u(1));
        assertEquals(0x7F, u(-1), "G.191: -1 is negative zero");
        assertEquals(0xFE, u(8));
        assertEquals(0xF2, u(100));
        assertEquals(0xCE, u(1000));
        assertEquals(0x4E, u(-1001));
        assertEquals(0xAB, u(5000));
        assertEquals(0x80, u(32124));
        assertEquals(0x80, u(32767), "clips to the top code");
        assertEquals(0x00, u(-32768));
    }

    @Test
    void ulawDecodeTable() {
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
        assertEquals(0, G711.ulawToLinear((byte) 0x7F));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(120, G711.ulawToLinear((byte) 0xF0));
        assertEquals(-120, G711.ulawToLinear((byte) 0x70));
        assertEquals(16764, G711.ulawToLinear((byte) 0x8F));
    }

    @Test
    void alawTables() {
        assertEquals(0xD5, a(0));
        assertEquals(0x55, a(-1));
        assertEquals(0xD3, a(100));
        assertEquals(0xFA, a(1000));
        assertEquals(0x86, a(5000));
        assertEquals(0xAA, a(32767));
        assertEquals(0x2A, a(-32768));
        assertEquals(8, G711.alawToLinear((byte) 0xD5));
        assertEquals(-8, G711.alawToLinear((byte) 0x55));
        assertEquals(32256, G711.alawToLinear((byte) 0xAA));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
        assertEquals(5504, G711.alawToLinear((byte) 0x80));
        assertEquals(-848, G711.alawToLinear((byte) 0x7F));
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            if (code != 0x7F) { // µ-law negative zero decodes to 0, which encodes as positive zero
                assertEquals(code, u(G711.ulawToLinear((byte) code)), "µ-law " + code);
            }
            assertEquals(code, a(G711.alawToLinear((byte) code)), "A-law " + code);
        }
    }

    @Test
    void encodingIsMonotonicAndErrorIsBounded() {
        for (int pcm = -32768; pcm <= 32767; pcm++) {
            int du = G711.ulawToLinear(G711.linearToUlaw(pcm));
            int da = G711.alawToLinear(G711.linearToAlaw(pcm));
            // the quantization step is at most 1024 (µ-law) / 1024 (A-law) at the top segment
            assertTrue(Math.abs(du - pcm) <= 1024, "µ-law " + pcm + " -> " + du);
            assertTrue(Math.abs(da - pcm) <= 1024, "A-law " + pcm + " -> " + da);
            if (pcm > -32768) {
                assertTrue(G711.ulawToLinear(G711.linearToUlaw(pcm - 1)) <= du);
                assertTrue(G711.alawToLinear(G711.linearToAlaw(pcm - 1)) <= da);
            }
        }
    }

    @Test
    void codecEnum() {
        assertEquals(G711Codec.PCMU, G711Codec.forPayloadType(0));
        assertEquals(G711Codec.PCMA, G711Codec.forPayloadType(8));
        assertThrows(IllegalArgumentException.class, () -> G711Codec.forPayloadType(18));
        short[] pcm = {0, -1, 1000, -32768};
        assertArrayEquals(new byte[] {(byte) 0xFF, 0x7F, (byte) 0xCE, 0x00}, G711Codec.PCMU.encode(pcm));
        assertArrayEquals(new short[] {0, 0, 988, -32124}, G711Codec.PCMU.decode(G711Codec.PCMU.encode(pcm)));
        assertArrayEquals(new byte[] {(byte) 0xD5, 0x55, (byte) 0xFA, 0x2A}, G711Codec.PCMA.encode(pcm));
    }
}
