package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.ConferenceRoom.levelDb;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.media.ConferenceRoom.Member;

class ConferenceMixerTest {

    static final int BLOCK = 10; // frames per Goertzel block: 200 ms, whole cycles of 440, 880 and 1320 Hz

    private final ConferenceRoom room = new ConferenceRoom(new ConferenceMixer());

    /** Each hears each other tone near its -10 dBFS, and its own at least 30 dB below the quietest of them. */
    static void assertHears(Member listener, Member... others) {
        short[] heard = listener.heard().last(BLOCK);
        double quietestOther = 0;
        for (Member o : others) {
            double level = levelDb(heard, frequency(o));
            assertTrue(level > -13, listener.participant().id() + " hears " + o.participant().id() + " at " + level);
            quietestOther = Math.min(quietestOther, level);
        }
        double own = levelDb(heard, frequency(listener));
        assertTrue(own < quietestOther - 30, listener.participant().id() + " hears itself at " + own);
    }

    private static double frequency(Member m) {
        return m.participant().id().equals("a") ? 440 : m.participant().id().equals("b") ? 880
                : m.participant().id().equals("c") ? 1320 : 1760;
    }

    @Test
    void eachHearsTheOthersButNotItself() {
        Member a = room.join("a", 440, -10);
        Member b = room.join("b", 880, -10);
        Member c = room.join("c", 1320, -10);
        room.run(BLOCK, a, b, c);
        assertHears(a, b, c);
        assertHears(b, a, c);
        assertHears(c, a, b);
    }

    @Test
    void aLateJoinerIsHeardByAllFromThenOn() {
        Member a = room.join("a", 440, -10);
        Member b = room.join("b", 880, -10);
        Member c = room.join("c", 1320, -10);
        room.run(BLOCK, a, b, c);
        assertTrue(levelDb(a.heard().last(BLOCK), 1760) < -60, "nobody sends 1760 Hz yet");

        Member d = room.join("d", 1760, -10);
        room.run(BLOCK, a, b, c, d);
        assertEquals(BLOCK, d.heard().count(), "output from the tick after joining");
        assertHears(a, b, c, d);
        assertHears(b, a, c, d);
        assertHears(c, a, b, d);
        assertHears(d, a, b, c);
    }

    @Test
    void whoLeftIsNotHeardAndGetsNothing() {
        Member a = room.join("a", 440, -10);
        Member b = room.join("b", 880, -10);
        Member c = room.join("c", 1320, -10);
        room.run(BLOCK, a, b, c);
        assertTrue(room.mixer.leave(c.participant()));
        assertFalse(room.mixer.leave(c.participant()), "leaves once");
        room.run(BLOCK, a, b, c); // c keeps offering: its stream may not know yet
        assertEquals(BLOCK, c.heard().count(), "no output after leaving");
        assertTrue(levelDb(a.heard().last(BLOCK), 1320) < -60);
        assertTrue(levelDb(b.heard().last(BLOCK), 1320) < -60);
        assertTrue(levelDb(a.heard().last(BLOCK), 880) > -13);
        assertEquals(List.of(a.participant(), b.participant()), room.mixer.participants());

        room.mixer.leave(a.participant());
        room.mixer.leave(b.participant());
        assertTrue(room.mixer.isEmpty());
        room.mixer.tick(); // an empty room ticks harmlessly
    }

    @Test
    void aMutedParticipantIsNotHeardButHears() {
        Member a = room.join("a", 440, -10);
        Member b = room.join("b", 880, -10);
        Member c = room.join("c", 1320, -10);
        b.participant().mute(true);
        room.run(BLOCK, a, b, c);
        assertTrue(levelDb(a.heard().last(BLOCK), 880) < -60, "a does not hear muted b");
        assertTrue(levelDb(c.heard().last(BLOCK), 880) < -60, "c does not hear muted b");
        assertHears(b, a, c);

        b.participant().mute(false);
        room.run(BLOCK, a, b, c);
        assertHears(a, b, c);
    }

    @Test
    void aParticipantWithoutAFrameIsSilentForThatTick() {
        Member a = room.join("a", 440, -10);
        Member b = room.join("b", 0, 0); // sends nothing: late or on hold
        room.run(BLOCK, a, b);
        assertTrue(levelDb(b.heard().last(BLOCK), 440) > -13);
        for (short s : a.heard().last(BLOCK)) {
            assertEquals(0, s, "a hears silence");
        }
    }

    @Test
    void aBurstAfterAStallIsCappedAndCounted() {
        Member a = room.join("a", 440, -10);
        Member b = room.join("b", 0, 0);
        for (int i = 0; i < 5; i++) {
            a.participant().offer(a.tone().nextFrame()); // a's loop stalled 100 ms, then delivered at once
        }
        room.mixer.tick();
        assertEquals(2, a.participant().framesDropped(), "at most 60 ms queued");
        assertEquals(1, b.heard().count());
    }
}
