package org.sipee.sip.auth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server side: challenges, verification, staleness, replay, bans and a corpus of malformed credentials. */
class DigestAuthenticatorTest {

    private static final String REALM = "pbx.example";
    private static final String URI = "sip:bob@192.0.2.2";
    private static final InetSocketAddress SOURCE = new InetSocketAddress("198.51.100.7", 5060);
    private static final InetSocketAddress OTHER = new InetSocketAddress("198.51.100.8", 5060);

    private final AtomicLong now = new AtomicLong(5_000_000);
    private final List<String> lookups = new ArrayList<>();
    private final DigestSecrets secrets = (user, realm, algorithm) -> {
        lookups.add(user + " " + algorithm);
        return user.equals("alice") ? Digests.ha1(algorithm, "alice", realm, "secret") : null;
    };
    private final DigestAuthenticator auth = new DigestAuthenticator(REALM, secrets,
            new AuthPolicy(Duration.ofSeconds(300), 3, Duration.ofSeconds(60), Duration.ofSeconds(600)), now::get);

    @Test
    void inviteWithoutCredentialsIsChallengedWith407Sha256ThenMd5() throws DigestParseException {
        AuthOutcome.Challenge c = challenge(invite());
        assertEquals(407, c.status());
        assertEquals("Proxy-Authenticate", c.headerName());
        assertFalse(c.stale());
        assertEquals(2, c.challenges().size());
        DigestChallenge sha = DigestChallenge.parse(c.challenges().get(0));
        DigestChallenge md5 = DigestChallenge.parse(c.challenges().get(1));
        assertEquals(DigestAlgorithm.SHA_256, sha.digestAlgorithm().orElseThrow(), "RFC 8760 §2.4: SHA-256 first");
        assertEquals(DigestAlgorithm.MD5, md5.digestAlgorithm().orElseThrow());
        assertEquals(List.of("auth"), sha.qopOptions());
        assertEquals(REALM, sha.realm());
        assertEquals(sha.nonce(), md5.nonce());
    }

    @Test
    void aUserAgentThatCannotSkipAnAlgorithmIsChallengedWithMd5AloneAndCanStillLogIn() {
        DigestAuthenticator quirky = new DigestAuthenticator(REALM, secrets, new AuthPolicy(Duration.ofSeconds(300), 3,
                Duration.ofSeconds(60), Duration.ofSeconds(600), List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                java.util.regex.Pattern.compile("^baresip")), now::get);
        SipRequest old = invite("User-Agent", "baresip v1.0.0 (x86_64/linux)");
        AuthOutcome.Challenge c = assertInstanceOf(AuthOutcome.Challenge.class, quirky.authenticate(old, SOURCE));
        assertEquals(1, c.challenges().size());
        DigestChallenge md5 = offered(c, 0);
        assertEquals(DigestAlgorithm.MD5, md5.digestAlgorithm().orElseThrow());
        assertInstanceOf(AuthOutcome.Authenticated.class, quirky.authenticate(invite("User-Agent", "baresip v1.0.0",
                "Proxy-Authorization", answer(md5, "alice", "secret", 1)), SOURCE));
        AuthOutcome.Challenge other = assertInstanceOf(AuthOutcome.Challenge.class,
                quirky.authenticate(invite("User-Agent", "Linphone/5.2"), SOURCE));
        assertEquals(2, other.challenges().size(), "everyone else gets both");
    }

    @Test
    void registerIsChallengedWith401() {
        AuthOutcome.Challenge c = challenge(new SipRequest("REGISTER", "sip:192.0.2.2"));
        assertEquals(401, c.status());
        assertEquals("WWW-Authenticate", c.headerName());
    }

    @Test
    void rightCredentialsWithEitherAlgorithmAuthenticate() {
        for (int i = 0; i < 2; i++) {
            DigestChallenge offered = offered(challenge(invite()), i);
            SipRequest invite = invite("Proxy-Authorization", answer(offered, "alice", "secret", 1));
            AuthOutcome outcome = auth.authenticate(invite, SOURCE);
            assertEquals(new AuthOutcome.Authenticated("alice", offered.digestAlgorithm().orElseThrow()), outcome);
        }
    }

    @Test
    void theNonceCanBeUsedAgainWithAHigherCountButNotReplayed() {
        DigestChallenge offered = offered(challenge(invite()), 0);
        assertInstanceOf(AuthOutcome.Authenticated.class,
                auth.authenticate(invite("Proxy-Authorization", answer(offered, "alice", "secret", 1)), SOURCE));
        assertInstanceOf(AuthOutcome.Authenticated.class,
                auth.authenticate(invite("Proxy-Authorization", answer(offered, "alice", "secret", 2)), SOURCE));
        AuthOutcome.Challenge replay = challenge(invite("Proxy-Authorization", answer(offered, "alice", "secret", 2)));
        assertTrue(replay.stale(), "a replayed nc gets a new nonce without asking the user");
        assertFalse(auth.isBanned(SOURCE));
    }

    @Test
    void aLegacyResponseWithoutQopIsAcceptedOnce() {
        DigestChallenge offered = offered(challenge(invite()), 1);
        String legacy = "Digest username=\"alice\", realm=\"" + REALM + "\", nonce=\"" + offered.nonce() + "\", uri=\""
                + URI + "\", response=\"" + Digests.response(DigestAlgorithm.MD5,
                Digests.ha1(DigestAlgorithm.MD5, "alice", REALM, "secret"), "INVITE", URI, offered.nonce(), null, null,
                null) + '"';
        assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate(invite("Authorization", legacy), SOURCE));
        assertTrue(challenge(invite("Authorization", legacy)).stale());
    }

    @Test
    void anExpiredNonceWithTheRightPasswordGetsStaleTrueAndNoFailure() {
        DigestChallenge offered = offered(challenge(invite()), 0);
        now.addAndGet(300_001);
        for (int i = 0; i < 5; i++) {
            assertTrue(challenge(invite("Proxy-Authorization", answer(offered, "alice", "secret", i + 1))).stale());
        }
        assertFalse(auth.isBanned(SOURCE), "stale nonces are not failures");
    }

    @Test
    void anExpiredNonceWithAWrongPasswordIsAFailureNotStale() {
        DigestChallenge offered = offered(challenge(invite()), 0);
        now.addAndGet(300_001);
        assertFalse(challenge(invite("Proxy-Authorization", answer(offered, "alice", "wrong", 1))).stale());
    }

    @Test
    void aForgedNonceGetsAFreshChallenge() {
        DigestChallenge forged = new DigestChallenge(REALM, "A".repeat(43), null, "SHA-256", List.of("auth"), false);
        AuthOutcome.Challenge c = challenge(invite("Proxy-Authorization", answer(forged, "alice", "secret", 1)));
        assertFalse(c.stale());
        assertTrue(lookups.isEmpty(), "not even looked up");
    }

    @Test
    void wrongPasswordsAreChallengedAndBanTheSourceWhichIsThenRefusedUnseen() {
        for (int i = 0; i < 3; i++) {
            DigestChallenge offered = offered(challenge(invite()), 0);
            assertFalse(challenge(invite("Proxy-Authorization", answer(offered, "alice", "guess" + i, 1))).stale());
        }
        assertTrue(auth.isBanned(SOURCE));
        int seen = lookups.size();
        DigestChallenge offered = offered(challenge(invite(), OTHER), 0);
        assertEquals(new AuthOutcome.Refused(403, "Forbidden (too many failed authentications)"),
                auth.authenticate(invite("Proxy-Authorization", answer(offered, "alice", "secret", 1)), SOURCE));
        assertEquals(seen, lookups.size(), "a banned source's credentials are not looked at");
        assertInstanceOf(AuthOutcome.Authenticated.class,
                auth.authenticate(invite("Proxy-Authorization", answer(offered, "alice", "secret", 1)), OTHER));
        now.addAndGet(600_000);
        assertFalse(auth.isBanned(SOURCE));
    }

    @Test
    void anUnknownUserLooksLikeAWrongPassword() {
        DigestChallenge offered = offered(challenge(invite()), 0);
        AuthOutcome unknown = auth.authenticate(invite("Proxy-Authorization", answer(offered, "mallory", "x", 1)), SOURCE);
        AuthOutcome wrong = auth.authenticate(invite("Proxy-Authorization", answer(offered, "alice", "x", 2)), SOURCE);
        assertEquals(407, ((AuthOutcome.Challenge) unknown).status());
        assertEquals(strip(unknown), strip(wrong), "same answer but for the nonce");
        assertEquals(List.of("mallory SHA_256", "alice SHA_256"), lookups, "both looked up, both verified");
        challenge(invite("Proxy-Authorization", answer(offered, "mallory", "x", 3)));
        assertTrue(auth.isBanned(SOURCE), "unknown users count as failures too");
    }

    @Test
    void credentialsForAnotherRealmOrSchemeAreLeftAlone() {
        DigestChallenge offered = offered(challenge(invite()), 0);
        DigestChallenge elsewhere = new DigestChallenge("other", offered.nonce(), null, "SHA-256", List.of("auth"), false);
        SipRequest invite = invite("Proxy-Authorization", answer(elsewhere, "alice", "secret", 1));
        assertFalse(challenge(invite).stale());
        invite.addHeader("Authorization", "Basic YWxpY2U6c2VjcmV0");
        invite.addHeader("Proxy-Authorization", answer(offered, "alice", "secret", 1));
        assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate(invite, SOURCE), "ours found among others");
    }

    /** Each gets 400 or a fresh challenge, none an exception, none counts as a failure. */
    @Test
    void malformedCredentialsCorpus() {
        DigestChallenge offered = offered(challenge(invite()), 0);
        String nonce = offered.nonce();
        String good = answer(offered, "alice", "secret", 1);
        String fields = "username=\"alice\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI + "\", ";
        List<String> badRequests = List.of(
                good.substring(0, good.indexOf("nonce=\"") + 12), // truncated quote
                good.replace(nonce, "n".repeat(300)), // huge nonce
                good.replaceAll("response=\"[0-9a-f]+\", ", ""), // missing response
                good + ", nonce=\"" + nonce + '"', // duplicate
                good.replaceAll("uri=\"[^\"]+\"", "uri=\"sip:carol@192.0.2.9\""), // wrong uri
                good.replaceAll("nc=\\w+", "nc=zz"), // non-hex nc
                good.replaceAll("response=\"[0-9a-f]+\"", "response=\"not-hex\""),
                "Digest " + fields + "response=\"00\", qop=auth", // qop without cnonce/nc
                good + ", x=\"" + "y".repeat(4100) + '"'); // header too long
        for (String line : badRequests) {
            AuthOutcome outcome = auth.authenticate(invite("Proxy-Authorization", line), SOURCE);
            AuthOutcome.Refused refused = assertInstanceOf(AuthOutcome.Refused.class, outcome, line);
            assertEquals(400, refused.status());
            assertTrue(refused.reason().startsWith("Bad Request (credentials: "), refused.reason());
        }
        List<String> challenged = List.of(
                "Basic YWxpY2U6c2VjcmV0", // another scheme
                good.replace("realm=\"" + REALM + '"', "realm=\"other\""), // wrong realm
                good.replace("algorithm=SHA-256", "algorithm=SHA-512-256"), // unknown algorithm
                good.replace("algorithm=SHA-256", "algorithm=SHA-256-sess"),
                good.replace("qop=auth", "qop=auth-int"), // unknown qop
                good.replace(nonce, "x" + nonce.substring(1))); // forged nonce
        for (String line : challenged) {
            assertFalse(challenge(invite("Proxy-Authorization", line)).stale(), line);
        }
        assertFalse(auth.isBanned(SOURCE));
        assertEquals("Bad Request (credentials: missing parameter response)", ((AuthOutcome.Refused) auth.authenticate(
                invite("Authorization", badRequests.get(2)), SOURCE)).reason());
        assertEquals("Bad Request (credentials: uri is not the Request-URI)", ((AuthOutcome.Refused) auth.authenticate(
                invite("Authorization", badRequests.get(4)), SOURCE)).reason());
        assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate(invite("Authorization", good), SOURCE),
                "none of them used up the nonce");
    }

    private AuthOutcome.Challenge challenge(SipRequest request) {
        return challenge(request, SOURCE);
    }

    private AuthOutcome.Challenge challenge(SipRequest request, InetSocketAddress source) {
        return assertInstanceOf(AuthOutcome.Challenge.class, auth.authenticate(request, source));
    }

    private static DigestChallenge offered(AuthOutcome.Challenge challenge, int index) {
        try {
            return DigestChallenge.parse(challenge.challenges().get(index));
        } catch (DigestParseException e) {
            throw new AssertionError(e);
        }
    }

    /** A UA's answer to the challenge, computed with {@link Digests} (independent of the UAC code). */
    static String answer(DigestChallenge challenge, String user, String password, int nc) {
        DigestAlgorithm algorithm = challenge.digestAlgorithm().orElseThrow();
        String count = String.format("%08x", nc);
        String response = Digests.response(algorithm, Digests.ha1(algorithm, user, challenge.realm(), password), "INVITE",
                URI, challenge.nonce(), count, "c" + nc, "auth");
        return new DigestCredentials(user, challenge.realm(), challenge.nonce(), URI, response, challenge.algorithm(),
                "c" + nc, count, "auth", null).toHeaderValue();
    }

    private static SipRequest invite(String... header) {
        SipRequest invite = new SipRequest("INVITE", URI);
        for (int i = 0; i < header.length; i += 2) {
            invite.addHeader(header[i], header[i + 1]);
        }
        return invite;
    }

    private static String strip(AuthOutcome challenge) {
        return challenge.toString().replaceAll("nonce=\"[^\"]+\"", "nonce");
    }
}
