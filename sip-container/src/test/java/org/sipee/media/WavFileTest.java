package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {

    @TempDir
    Path dir;

    static byte[] wav(int format, int channels, int rate, int bits, byte[] data, boolean extraChunk) {
        int extra = extraChunk ? 8 + 5 + 1 : 0; // odd-sized chunk plus its pad byte
        ByteBuffer b = ByteBuffer.allocate(44 + extra + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + extra + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extraChunk) {
            b.put("LIST".getBytes()).putInt(5).put(new byte[] {1, 2, 3, 4, 5}).put((byte) 0);
        }
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void pcmRoundTrips() throws IOException {
        short[] samples = new ToneGenerator(700, -6).nextFrame();
        Path f = dir.resolve("a.wav");
        WavFile.write(f, samples);
        assertEquals(44 + 320, Files.size(f));
        assertArrayEquals(samples, WavFile.read(f));
    }

    @Test
    void readsG711FilesAndSkipsOtherChunks() throws IOException {
        short[] pcm = new ToneGenerator(1000, -3).nextFrame();
        Path u = dir.resolve("u.wav");
        Files.write(u, wav(WavFile.ULAW, 1, 8000, 8, G711Codec.PCMU.encode(pcm), true));
        assertArrayEquals(G711Codec.PCMU.decode(G711Codec.PCMU.encode(pcm)), WavFile.read(u));
        Path a = dir.resolve("a.wav");
        Files.write(a, wav(WavFile.ALAW, 1, 8000, 8, G711Codec.PCMA.encode(pcm), false));
        assertArrayEquals(G711Codec.PCMA.decode(G711Codec.PCMA.encode(pcm)), WavFile.read(a));
    }

    @Test
    void refusesOtherFormatsSayingWhy() throws IOException {
        Path hi = dir.resolve("hi.wav");
        Files.write(hi, wav(WavFile.PCM, 1, 16000, 16, new byte[4], false));
        IOException e = assertThrows(IOException.class, () -> WavFile.read(hi));
        assertTrue(e.getMessage().contains("16000 Hz") && e.getMessage().contains("need 8000 Hz mono"), e.getMessage());
        Path stereo = dir.resolve("st.wav");
        Files.write(stereo, wav(WavFile.PCM, 2, 8000, 16, new byte[4], false));
        assertTrue(assertThrows(IOException.class, () -> WavFile.read(stereo)).getMessage().contains("2 channel(s)"));
        Path text = dir.resolve("t.wav");
        Files.writeString(text, "hello, this is not audio");
        assertTrue(assertThrows(IOException.class, () -> WavFile.read(text)).getMessage().contains("not a WAV file"));
    }
}
