package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.media.Goertzel;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;
import org.sipee.sip.ua.CallEndReason;

/**
 * Calls bridged and in a conference room, heard by callers that are real RTP streams of the same engine, each sending
 * its own tone: who hears whom, unbridging, leaving, and the room closing with its last member.
 */
class MultiPartyCallsTest {

    private static final double[] TONES = {440, 880, 1320};

    private MediaEngine media;
    private EngineAccess engine;
    private final List<Phone> phones = new ArrayList<>();

    /** A caller: its stream sends a tone, and counts the frames in which it hears each of the three tones. */
    private final class Phone {
        final RtpStream stream = media.openStream();
        final AtomicInteger[] heard = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        final CallSession session;

        Phone(int index, boolean alaw) {
            int pt = alaw ? 8 : 0;
            stream.onAudio(frame -> {
                for (int i = 0; i < TONES.length; i++) {
                    if (present(frame, TONES[i])) {
                        heard[i].incrementAndGet();
                    }
                }
            });
            String offer = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + stream.localPort() + " RTP/AVP " + pt + "\r\na=sendrecv\r\n";
            WireCall wire = new WireCall("party-" + index, offer);
            session = new CallSession(wire.call(), engine);
            session.answer();
            session.acknowledged();
            int port = Integer.parseInt(wire.body(200).replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
            stream.connect(new InetSocketAddress("127.0.0.1", port), pt, alaw ? "PCMA" : "PCMU");
            stream.playTone(TONES[index]);
            phones.add(this);
        }

        int heard(int tone) {
            return heard[tone].get();
        }

        void forget() {
            for (AtomicInteger count : heard) {
                count.set(0);
            }
        }
    }

    @BeforeEach
    void start() {
        media = MediaEngine.start(new MediaConfig("127.0.0.1", 42300, 42399), null);
        engine = new EngineAccess(new MediaOnlyConnections(media));
    }

    @AfterEach
    void stop() {
        for (Phone phone : phones) {
            phone.session.terminating(CallEndReason.SHUTDOWN);
            phone.stream.close();
        }
        media.close();
    }

    @Test
    void bridgedCallsHearEachOtherAcrossCodecsUntilUnbridged() {
        Phone a = new Phone(0, false);
        Phone b = new Phone(1, true);

        CallBridge bridge = a.session.bridge(b.session);

        await(() -> a.heard(1) >= 25 && b.heard(0) >= 25, "each hears the other's tone");
        assertEquals(0, a.heard(0), "A never hears itself");
        assertEquals(0, b.heard(1), "B never hears itself");
        assertEquals(bridge, a.session.bridged().orElseThrow());
        assertEquals(b.session, bridge.other(a.session));

        bridge.unbridge();
        await(() -> a.session.bridged().isEmpty() && b.session.bridged().isEmpty(), "both calls forget the bridge");
        pause(300); // what was in flight and in the jitter buffers plays out
        a.forget();
        b.forget();
        pause(300);
        assertEquals(0, a.heard(1), "A hears B no more");
        assertEquals(0, b.heard(0), "B hears A no more");
        assertFalse(bridge.isActive());
    }

    @Test
    void aBridgeEndsWhenEitherCallEnds() {
        Phone a = new Phone(0, false);
        Phone b = new Phone(1, false);
        CallBridge bridge = a.session.bridge(b.session);

        b.session.terminating(CallEndReason.REMOTE_BYE);

        await(() -> !bridge.isActive() && a.session.bridged().isEmpty(), "the bridge ended with B's call");
        assertThrows(IllegalArgumentException.class, () -> a.session.bridge(a.session), "a call with itself");
        assertThrows(IllegalStateException.class, () -> a.session.bridge(b.session), "B has no stream any more");
    }

    @Test
    void eachMemberOfARoomHearsTheOthersAndNotItselfAndTheRoomClosesWithTheLast() {
        List<ConferenceRoom> closed = new CopyOnWriteArrayList<>();
        ConferenceRoom room = new ConferenceRoom("room-1", engine, closed::add);
        Phone[] members = {new Phone(0, false), new Phone(1, true), new Phone(2, false)};
        for (Phone member : members) {
            room.join(member.session);
        }
        assertEquals(3, room.size());

        await(() -> everyoneHearsTheOthers(members), "each member hears the two others");
        for (int i = 0; i < members.length; i++) {
            assertEquals(0, members[i].heard(i), "member " + i + " never hears itself");
        }

        assertTrue(room.leave(members[0].session));
        pause(300);
        for (Phone member : members) {
            member.forget();
        }
        await(() -> members[1].heard(2) >= 25 && members[2].heard(1) >= 25, "the two left hear each other");
        assertEquals(0, members[1].heard(0) + members[2].heard(0), "who left is not heard");

        room.mute(members[1].session, true);
        pause(200);
        members[2].forget();
        pause(300);
        assertEquals(0, members[2].heard(1), "a muted member is not heard");

        members[1].session.terminating(CallEndReason.REMOTE_BYE); // its stream closes: it leaves
        await(() -> room.size() == 1, "an ended call leaves the room");
        assertTrue(room.isOpen());
        room.leave(members[2].session);
        assertFalse(room.isOpen(), "the room closed with its last member");
        assertEquals(List.of(room), closed);
        assertThrows(IllegalStateException.class, () -> room.join(members[0].session));
    }

    private static boolean everyoneHearsTheOthers(Phone[] members) {
        for (int i = 0; i < members.length; i++) {
            for (int j = 0; j < members.length; j++) {
                if (i != j && members[i].heard(j) < 25) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The tone carries at least a tenth of the frame's energy (two tones mixed carry about half each), at some level. */
    private static boolean present(short[] frame, double hz) {
        return rms(frame) > 10 && Goertzel.energyShare(frame, hz) > 0.1;
    }

    private static double rms(short[] frame) {
        double energy = 0;
        for (short s : frame) {
            energy += s * (double) s;
        }
        return Math.sqrt(energy / frame.length);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            pause(20);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
