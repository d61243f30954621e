package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipee.it.BaresipTrace.SipMessage;

/**
 * How baresip 1.0.0 (libre 1.1) answers digest challenges, against a stand-in registrar (SIPp on 5150): one MD5
 * challenge is answered; a 401 that also carries a SHA-256 challenge is not answered at all, whichever comes first
 * (libre gives up on the first algorithm it does not know: "Register: Function not implemented"). A server that
 * wants baresip 1.0.0 phones must therefore challenge them with MD5 alone.
 */
class BaresipChallengeTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String PASSWORD = "alice-password";

    @TempDir
    Path folder;

    @Test
    void oneMd5ChallengeIsAnsweredAndTheRegistrationSucceeds() throws Exception {
        try (SippProcess registrar = SippProcess.scenario("uas_register_401_md5", "uas_register_401_md5.xml", null,
                5150, "-m", "1").listening(5150);
                Baresip alice = Baresip.start(phone("md5"))) {
            alice.awaitRegistered(WAIT);
            List<SipMessage> registers = sentRegisters(alice);
            assertEquals(2, registers.size(), "the REGISTER and its answer to the challenge");
            String credentials = registers.get(1).header("Authorization").orElseThrow();
            assertTrue(credentials.startsWith("Digest username=\"alice\", realm=\"sipee\""), credentials);
            assertFalse(Files.readString(alice.logFile()).contains(PASSWORD), "the log never shows the password");
            registrar.assertPassed(WAIT);
        }
    }

    @Test
    void sha256BeforeMd5IsNotAnsweredAtAll() {
        try (SippProcess registrar = SippProcess.scenario("uas_register_401_sha256_md5", "uas_register_401_sha256_md5.xml",
                null, 5150, "-m", "1").listening(5150);
                Baresip alice = Baresip.start(phone("sha256"))) {
            String failure = alice.awaitRegistrationFailed(WAIT);
            assertTrue(failure.contains("Function not implemented"), failure);
            assertEquals(1, sentRegisters(alice).size(), "no second REGISTER, not even with MD5");
        }
    }

    private BaresipSettings phone(String name) {
        return BaresipSettings.peer("alice", 5151, 30140, folder.resolve(name))
                .registeringAt("127.0.0.1:5150", PASSWORD, 600);
    }

    private static List<SipMessage> sentRegisters(Baresip phone) {
        return phone.messages().stream().filter(m -> m.sent() && m.startLine().startsWith("REGISTER ")).toList();
    }
}
