package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baresip harness without our server: two phones call each other directly, each sends its own tone and must hear
 * the other's, not its own. Proves what the end-to-end tests rely on: start, dial, answer, hang up, recorded audio.
 */
class BaresipPeerTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration TALK = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    @Test
    void twoPhonesCallEachOtherAndEachHearsTheOthersTone() {
        try (Baresip alice = Baresip.start(BaresipSettings.peer("alice", 5110, 30100, folder.resolve("alice"))
                        .tone(440));
                Baresip bob = Baresip.start(BaresipSettings.peer("bob", 5120, 30110, folder.resolve("bob"))
                        .tone(1000))) {
            Baresip.converse(alice, bob, "sip:bob@127.0.0.1:5120", TALK, WAIT);

            // 20 dB above the other probes: each hears the other's tone, and its own is not what it hears
            Tones.assertDominant(alice.receivedAudio(), 1000, 50, "what alice heard");
            Tones.assertDominant(bob.receivedAudio(), 440, 50, "what bob heard");
            Tones.assertDominant(alice.sentAudio(), 440, 50, "what alice sent");
            Tones.assertDominant(bob.sentAudio(), 1000, 50, "what bob sent");
        }
    }

    @Test
    void aPhoneWithManualAnswerRingsUntilItAnswers() {
        try (Baresip alice = Baresip.start(BaresipSettings.peer("alice", 5112, 30120, folder.resolve("alice"))
                        .tone(440));
                Baresip bob = Baresip.start(BaresipSettings.peer("bob", 5122, 30130, folder.resolve("bob")).tone(1000)
                        .manualAnswer())) {
            alice.dial("sip:bob@127.0.0.1:5122");
            bob.awaitIncomingCall(WAIT);
            alice.await(BaresipEvent.RINGING, WAIT);
            assertTrue(alice.messages().stream().noneMatch(m -> m.startLine().startsWith("SIP/2.0 200")),
                    "nothing answered before bob did");
            bob.answer();
            alice.awaitCallEstablished(WAIT);
            bob.awaitCallEstablished(WAIT);
            bob.hangUp();
            String closed = alice.awaitCallClosed(WAIT);
            assertTrue(closed.contains("sip:bob@127.0.0.1:5122"), closed);
        }
    }
}
