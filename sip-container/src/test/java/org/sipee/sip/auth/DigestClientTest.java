package org.sipee.sip.auth;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UAC side: choice of challenge, the RFC 7616 vectors through the client, and our own server accepting it. */
class DigestClientTest {

    private static final UacCredentials MUFASA = new UacCredentials("Mufasa", "Circle of Life", null);

    @Test
    void theRfc7616ExampleThroughTheClient() throws DigestParseException {
        for (String algorithm : List.of("MD5", "SHA-256")) {
            DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
                    + "algorithm=" + algorithm + ", nonce=\"" + DigestsTest.RFC7616_NONCE + "\", "
                    + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
            DigestCredentials answer = DigestCredentials.parse(DigestClient.authorization(challenge, "GET",
                    "/dir/index.html", MUFASA, 1, DigestsTest.RFC7616_CNONCE));
            assertEquals(algorithm.equals("MD5") ? "8ca523f5e9506fed4657c9700eebdbec"
                    : "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", answer.response());
            assertEquals("00000001", answer.nc());
            assertEquals("auth", answer.qop());
            assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", answer.opaque(), "opaque echoed");
            assertEquals(algorithm, answer.algorithm());
        }
    }

    @Test
    void legacyChallengeWithoutQopGetsTheRfc2069Form() throws DigestParseException {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"");
        DigestCredentials answer = DigestCredentials.parse(DigestClient.authorization(challenge, "GET", "/dir/index.html",
                new UacCredentials("Mufasa", "Circle Of Life", null), 1, "ignored"));
        assertEquals("670fd8c2df070c60b045671b8b24ff02", answer.response());
        assertNull(answer.qop());
        assertNull(answer.cnonce());
        assertNull(answer.nc());
        assertNull(answer.algorithm());
    }

    @Test
    void sha256IsPreferredPerRealmAndUnanswerableChallengesAreSkipped() {
        List<DigestChallenge> chosen = DigestClient.answerable(List.of(
                "Digest realm=\"a\", nonce=\"1\", algorithm=MD5, qop=\"auth\"",
                "Digest realm=\"a\", nonce=\"2\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"b\", nonce=\"3\", algorithm=SHA-512-256, qop=\"auth\"",
                "Digest realm=\"c\", nonce=\"4\", qop=\"auth-int\"",
                "Basic realm=\"d\"",
                "Digest realm=\"e\", nonce=\"5\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"f\", nonce=\"unterminated"), MUFASA);
        assertEquals(List.of("2", "5"), chosen.stream().map(DigestChallenge::nonce).toList());
        assertEquals(List.of("2"), DigestClient.answerable(List.of(
                "Digest realm=\"a\", nonce=\"2\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"e\", nonce=\"5\", algorithm=SHA-256, qop=\"auth\""),
                new UacCredentials("u", "p", "a")).stream().map(DigestChallenge::nonce).toList(), "realm given: only it");
    }

    @Test
    void ourServerAcceptsOurClient() {
        DigestAuthenticator server = new DigestAuthenticator("pbx", (user, realm, algorithm) ->
                Digests.ha1(algorithm, user, realm, "pw"), AuthPolicy.defaults(), System::currentTimeMillis);
        SipRequest register = new SipRequest("REGISTER", "sip:192.0.2.5");
        InetSocketAddress source = new InetSocketAddress("192.0.2.9", 5060);
        AuthOutcome.Challenge challenge = (AuthOutcome.Challenge) server.authenticate(register, source);
        DigestChallenge chosen = DigestClient.answerable(challenge.challenges(), new UacCredentials("alice", "pw", null)).get(0);
        register.addHeader("Authorization", DigestClient.authorization(chosen, "REGISTER", "sip:192.0.2.5",
                new UacCredentials("alice", "pw", null), 1, DigestClient.newCnonce()));
        assertEquals(new AuthOutcome.Authenticated("alice", DigestAlgorithm.SHA_256), server.authenticate(register, source));
    }

    @Test
    void credentialsHideThePassword() {
        UacCredentials credentials = new UacCredentials("alice", "s3cr3t-pw", "pbx");
        assertFalse(credentials.toString().contains("s3cr3t-pw"));
        assertTrue(credentials.toString().contains("alice"));
        assertTrue(credentials.answers("pbx"));
        assertFalse(credentials.answers("other"));
        assertTrue(MUFASA.answers("anything"));
        assertThrows(IllegalArgumentException.class, () -> new UacCredentials("", "p", null));
        assertThrows(IllegalArgumentException.class, () -> new UacCredentials("u", null, null));
        assertTrue(DigestClient.newCnonce().matches("[0-9a-f]{16}"));
    }
}
