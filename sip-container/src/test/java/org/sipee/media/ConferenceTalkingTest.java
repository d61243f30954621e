package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ConferenceTalkingTest {

    private final List<String> events = new ArrayList<>();
    private final ConferenceMixer mixer = new ConferenceMixer((p, talking) -> events.add(p.id() + ":" + talking));
    private final ConferenceParticipant alice = mixer.join("alice", frame -> { });
    private final ConferenceParticipant bob = mixer.join("bob", frame -> { });
    private final ToneGenerator voice = new ToneGenerator(440, -20); // a sine at -20 dBFS is -23 dBov
    private final Random random = new Random(42);

    private void tone(int frames) {
        for (int i = 0; i < frames; i++) {
            alice.offer(voice.nextFrame());
            mixer.tick();
        }
    }

    private void silence(int frames) {
        for (int i = 0; i < frames; i++) {
            mixer.tick(); // alice sends nothing: as a held or late participant
        }
    }

    /** White noise, each frame at a level drawn from [lowDbov, highDbov]. */
    private void noise(int frames, double lowDbov, double highDbov) {
        for (int f = 0; f < frames; f++) {
            double sigma = 32768 * Math.pow(10, (lowDbov + random.nextDouble() * (highDbov - lowDbov)) / 20);
            short[] frame = new short[160];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (short) Math.max(-32767, Math.min(32767, Math.round(random.nextGaussian() * sigma)));
            }
            alice.offer(frame);
            mixer.tick();
        }
    }

    @Test
    void startsAfterThreeFramesAndStopsAfterAPause() {
        tone(ConferenceTalkDetector.START_FRAMES - 1);
        assertEquals(List.of(), events, "a 40 ms blip is not talk");
        tone(1);
        assertEquals(List.of("alice:true"), events);
        assertTrue(alice.talking());
        assertFalse(bob.talking());

        silence(ConferenceTalkDetector.STOP_FRAMES - 1);
        tone(20); // a pause between words
        silence(ConferenceTalkDetector.STOP_FRAMES - 1);
        assertEquals(List.of("alice:true"), events, "pauses shorter than 400 ms keep talking");
        silence(1);
        assertEquals(List.of("alice:true", "alice:false"), events);
        assertFalse(alice.talking());
    }

    @Test
    void lowNoiseIsNotTalk() {
        noise(500, -55, -45);
        assertEquals(List.of(), events);
    }

    @Test
    void noiseAroundTheThresholdDoesNotFlap() {
        noise(500, -40, -32); // straddles the start threshold (-36): starts once
        assertEquals(List.of("alice:true"), events);
        noise(500, -45, -39); // straddles the stop threshold (-42): never 400 ms below it, keeps talking
        assertEquals(List.of("alice:true"), events);
        noise(500, -55, -45); // room noise: stops once
        assertEquals(List.of("alice:true", "alice:false"), events);
    }

    @Test
    void aMutedParticipantIsNotTalking() {
        tone(10);
        alice.mute(true);
        tone(ConferenceTalkDetector.STOP_FRAMES);
        assertEquals(List.of("alice:true", "alice:false"), events);
        tone(10);
        assertEquals(2, events.size());
    }

    @Test
    void noEventsAfterLeaving() {
        tone(10);
        mixer.leave(alice);
        silence(ConferenceTalkDetector.STOP_FRAMES + 5);
        assertEquals(List.of("alice:true"), events, "the session layer reports the leave itself");
    }
}
