package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sipee.media.G711Codec;

/** The comparator passes the same audio however it is shifted and re-encoded, and fails anything else. */
class FrameEnergyMatchTest {

    static final int RATE = 8000;

    @Test
    void theSameAudioLaterAndThroughALawMatches() {
        short[] speech = speechLike(1, 7);
        short[] recording = concat(silence(730), G711Codec.PCMA.decode(G711Codec.PCMA.encode(speech)), silence(1000));
        FrameEnergyMatch match = FrameEnergyMatch.assertRecognisable(speech, recording, "the delayed copy");
        assertEquals(36.5, match.lagFrames(), 0.5, match.toString());
        assertTrue(match.correlation() > 0.95, match.toString());
        assertEquals(1.0, match.coverage(), match.toString());
    }

    @Test
    void aRecordingThatMissedTheFirst400MillisecondsStillMatches() {
        short[] speech = speechLike(2, 7);
        short[] recording = concat(Arrays.copyOfRange(speech, 400 * RATE / 1000, speech.length), silence(500));
        FrameEnergyMatch match = FrameEnergyMatch.assertRecognisable(speech, recording, "the late recording");
        assertEquals(-20, match.lagFrames(), match.toString());
    }

    @Test
    void otherSpeechFails() {
        assertNotRecognisable(speechLike(3, 7), concat(silence(500), speechLike(4, 7)));
    }

    @Test
    void aToneFails() {
        short[] tone = new short[7 * RATE];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        assertNotRecognisable(speechLike(5, 7), tone);
    }

    @Test
    void silenceFails() {
        assertNotRecognisable(speechLike(6, 7), silence(7000));
    }

    @Test
    void steadyNoiseFails() {
        Random random = new Random(7);
        short[] noise = new short[7 * RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (3000 * random.nextGaussian());
        }
        assertNotRecognisable(speechLike(8, 7), noise);
    }

    @Test
    void halfOfTheAudioFails() {
        short[] speech = speechLike(9, 7);
        FrameEnergyMatch match = FrameEnergyMatch.of(speech, Arrays.copyOf(speech, speech.length / 2));
        assertTrue(match.correlation() > 0.99, "the half that is there matches: " + match);
        assertFalse(match.matches(0.9, 0.9), "but half is missing: " + match);
    }

    /** What a jitter buffer that plays a 30 ms packet per 20 ms tick makes: a concealed frame after every two packets. */
    @Test
    void audioStretchedByInsertedFramesFails() {
        short[] speech = speechLike(10, 7);
        short[] stretched = new short[speech.length * 4 / 3];
        int out = 0;
        for (int in = 0; in + 480 <= speech.length; in += 480) {
            System.arraycopy(speech, in, stretched, out, 480);
            out += 480 + 160;
        }
        assertNotRecognisable(speech, stretched);
    }

    private static void assertNotRecognisable(short[] reference, short[] recording) {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> FrameEnergyMatch.assertRecognisable(reference, recording, "the recording"));
        assertTrue(failure.getMessage().contains("overlapping"), "the message gives the figures: " + failure.getMessage());
    }

    /** Noise whose loudness jumps every 60..400 ms, with pauses, as speech does (seeded: the same every run). */
    static short[] speechLike(long seed, int seconds) {
        Random random = new Random(seed);
        short[] pcm = new short[seconds * RATE];
        for (int at = 0; at < pcm.length; ) {
            int length = Math.min(pcm.length - at, (60 + random.nextInt(340)) * RATE / 1000);
            double level = random.nextInt(4) == 0 ? 0 : 200 + random.nextInt(6000);
            for (int i = at; i < at + length; i++) {
                pcm[i] = (short) Math.max(-32768, Math.min(32767, level * random.nextGaussian()));
            }
            at += length;
        }
        return pcm;
    }

    static short[] silence(int millis) {
        return new short[millis * RATE / 1000];
    }

    static short[] concat(short[]... parts) {
        short[] all = new short[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
