package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.Loopback.LOOPBACK;
import static org.sipee.media.Loopback.await;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A three-party room over loopback: three phones send 440, 880 and 1320 Hz (one of them as PCMA), each to its own
 * room stream; each phone must hear the other two tones and not its own.
 */
class MediaConferenceTest {

    private static final double[] TONES = {440, 880, 1320};

    /** Counts a phone's played-out frames in which a tone stands well above the floor. */
    private static final class Ear {
        final AtomicInteger[] heard = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};

        void hear(short[] frame) {
            for (int i = 0; i < TONES.length; i++) {
                if (Goertzel.energyShare(frame, TONES[i]) > 0.1) {
                    heard[i].incrementAndGet();
                }
            }
        }

        int frames(int tone) {
            return heard[tone].get();
        }
    }

    @Test
    void eachParticipantHearsTheOtherTwoAndNotItself() throws Exception {
        int base = Loopback.freeRange(12);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 11), null);
             MediaConference room = engine.conference((p, talking) -> { })) {
            List<RtpStream> phones = new ArrayList<>();
            List<RtpStream> members = new ArrayList<>();
            List<Ear> ears = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int payloadType = i == 1 ? 8 : 0; // PCMA for the second: the room transcodes per member
                RtpStream phone = engine.openStream();
                RtpStream member = engine.openStream();
                phone.connect(new InetSocketAddress(LOOPBACK, member.localPort()), payloadType);
                member.connect(new InetSocketAddress(LOOPBACK, phone.localPort()), payloadType);
                Ear ear = new Ear();
                phone.onAudio(ear::hear);
                room.join("phone-" + i, member);
                phone.playTone(TONES[i]);
                phones.add(phone);
                members.add(member);
                ears.add(ear);
            }
            await(() -> ears.stream().allMatch(e -> heardOthers(e, ears.indexOf(e), 25)), 5000, "everyone hearing the other two");
            for (int i = 0; i < 3; i++) {
                assertEquals(0, ears.get(i).frames(i), "phone " + i + " hears its own " + TONES[i] + " Hz");
            }

            assertTrue(room.leave(members.get(0)));
            // what was mixed before the leave may still be in flight (the room's inputs, phone 1's jitter buffer, whose
            // depth grows on a loaded machine): let 25 frames of phone 2 pass first, then phone 0 must not grow at all
            int drained = ears.get(1).frames(2);
            await(() -> ears.get(1).frames(2) >= drained + 25, 5000, "phone 1 still hearing phone 2");
            int before = ears.get(1).frames(0);
            int other = ears.get(1).frames(2);
            await(() -> ears.get(1).frames(2) >= other + 25, 5000, "phone 1 still hearing phone 2");
            assertEquals(before, ears.get(1).frames(0), "phone 0 is no longer heard");
            assertEquals(2, room.participants().size());

            members.get(2).close(); // a member's stream closing takes it out of the room
            await(() -> room.participants().size() == 1, 5000, "the closed member gone");
            assertFalse(room.isEmpty());
        }
    }

    private static boolean heardOthers(Ear ear, int self, int frames) {
        for (int i = 0; i < TONES.length; i++) {
            if (i != self && ear.frames(i) < frames) {
                return false;
            }
        }
        return true;
    }
}
