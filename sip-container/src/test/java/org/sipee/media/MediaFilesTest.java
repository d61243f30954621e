package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.Loopback.LOOPBACK;
import static org.sipee.media.Loopback.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV playback and recording over real UDP on loopback. */
class MediaFilesTest {

    private static final int FRAMES = 60;

    @TempDir
    Path dir;

    /** 60 frames of different tones and levels, every third frame silent. */
    private static short[] testSignal() {
        short[] s = new short[FRAMES * 160];
        for (int f = 0; f < FRAMES; f++) {
            if (f % 3 == 2) {
                continue;
            }
            double hz = 500 + 100 * (f % 5);
            double amplitude = 20000 * Math.pow(10, -(f % 4) * 6 / 20.0);
            for (int i = 0; i < 160; i++) {
                s[f * 160 + i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 8000));
            }
        }
        return s;
    }

    @Test
    void playedWavArrivesIntactFrameByFrame() throws Exception {
        short[] signal = testSignal();
        Path wav = dir.resolve("prompt.wav");
        WavFile.write(wav, signal);
        int base = Loopback.freeRange(4);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 3), null);
             DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            RtpStream stream = engine.openStream();
            stream.connect(new InetSocketAddress(LOOPBACK, peer.getLocalPort()), 8); // PCMA
            CompletableFuture<Boolean> done = stream.play(wav);

            Map<Integer, RtpPacket> bySeq = new TreeMap<>();
            peer.setSoTimeout(100);
            byte[] buf = new byte[1500];
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (bySeq.size() < FRAMES && System.nanoTime() < deadline) {
                DatagramPacket dp = new DatagramPacket(buf, buf.length);
                try {
                    peer.receive(dp);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                RtpPacket p = RtpPacket.decode(Arrays.copyOf(dp.getData(), dp.getLength()));
                bySeq.put(p.sequence(), p);
            }
            assertTrue(done.get(5, TimeUnit.SECONDS), "played to the end");
            assertEquals(FRAMES, bySeq.size());
            int f = 0;
            for (RtpPacket p : bySeq.values()) {
                assertEquals(8, p.payloadType());
                short[] got = G711Codec.PCMA.decode(p.payload());
                short[] want = Loopback.frame(signal, f);
                if (f % 3 == 2) {
                    assertTrue(Loopback.energyDb(got) < 20, "silent frame " + f + " stays silent (A-law's smallest step is 8)");
                } else {
                    assertEquals(Loopback.energyDb(want), Loopback.energyDb(got), 0.5, "energy of frame " + f);
                }
                f++;
            }
            stream.close();
        }
    }

    @Test
    void recordingOfAToneIsTheTone() throws Exception {
        int base = Loopback.freeRange(4);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 3), null)) {
            RtpStream a = engine.openStream();
            RtpStream b = engine.openStream();
            a.connect(new InetSocketAddress(LOOPBACK, b.localPort()), 0);
            b.connect(new InetSocketAddress(LOOPBACK, a.localPort()), 0);
            Path file = dir.resolve("rec.wav");
            Recording rec = b.record(file);
            a.playTone(440);
            await(() -> rec.recorded().toMillis() >= 1000, 5000, "1 s recorded");
            long ms = rec.stop().toMillis();
            assertTrue(ms >= 1000, "recorded " + ms + " ms");
            short[] samples = WavFile.read(file);
            assertEquals(ms * 8, samples.length, 160);
            int frames = samples.length / 160;
            int tonal = 0;
            for (int i = 0; i < frames; i++) {
                tonal += Loopback.hasTone(Loopback.frame(samples, i), 440) ? 1 : 0;
            }
            assertTrue(tonal >= 0.9 * frames, "440 Hz in " + tonal + " of " + frames);
            assertEquals(rec.recorded(), rec.stop(), "stop is idempotent");
            a.close();
            b.close();
        }
    }

    @Test
    void playRefusesAnUnsupportedFileAndStopReportsIncomplete() throws Exception {
        int base = Loopback.freeRange(2);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 1), null)) {
            RtpStream s = engine.openStream();
            Path bad = dir.resolve("bad.wav");
            Files.write(bad, WavFileTest.wav(WavFile.PCM, 1, 44100, 16, new byte[8], false));
            IOException e = assertThrows(IOException.class, () -> s.play(bad));
            assertTrue(e.getMessage().contains("44100 Hz"), e.getMessage());

            Path longFile = dir.resolve("long.wav");
            WavFile.write(longFile, new short[8000 * 10]);
            s.connect(new InetSocketAddress(LOOPBACK, 9), 0); // discard port: nobody listens
            CompletableFuture<Boolean> done = s.play(longFile);
            s.stopPlaying();
            assertFalse(done.get(5, TimeUnit.SECONDS), "stopped before the end");
            s.close();
        }
    }
}
