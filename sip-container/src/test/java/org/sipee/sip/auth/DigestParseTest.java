package org.sipee.sip.auth;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Challenge and credentials values: RFC 7616 §3.9.1 forms, round trips, and hostile input. */
class DigestParseTest {

    private static final String GOOD = "Digest username=\"alice\", realm=\"pbx\", nonce=\"abc\", uri=\"sip:bob@192.0.2.2\", "
            + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, cnonce=\"xyz\", qop=auth, nc=00000001";

    @Test
    void rfc7616Challenge() throws DigestParseException {
        DigestChallenge c = DigestChallenge.parse("Digest\n realm=\"http-auth@example.org\",  qop=\"auth, auth-int\","
                .replace("\n", "") + " algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        assertEquals("http-auth@example.org", c.realm());
        assertEquals(List.of("auth", "auth-int"), c.qopOptions());
        assertEquals(DigestAlgorithm.SHA_256, c.digestAlgorithm().orElseThrow());
        assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", c.opaque());
        assertFalse(c.stale());
    }

    @Test
    void challengeRoundTripWithEscapesAndStale() throws DigestParseException {
        DigestChallenge c = new DigestChallenge("a \"quoted\" \\ realm", "n1", "op", "SHA-256", List.of("auth"), true);
        assertEquals("Digest realm=\"a \\\"quoted\\\" \\\\ realm\", nonce=\"n1\", opaque=\"op\", algorithm=SHA-256, "
                + "qop=\"auth\", stale=TRUE", c.toHeaderValue());
        assertEquals(c, DigestChallenge.parse(c.toHeaderValue()));
        DigestChallenge legacy = DigestChallenge.parse("digest REALM=x, nonce=y, stale=false, domain=\"sip:a\"");
        assertEquals(List.of(), legacy.qopOptions());
        assertNull(legacy.algorithm());
        assertEquals(DigestAlgorithm.MD5, legacy.digestAlgorithm().orElseThrow());
        assertFalse(legacy.stale());
    }

    @Test
    void credentialsRoundTrip() throws DigestParseException {
        DigestCredentials c = DigestCredentials.parse(GOOD);
        assertEquals("alice", c.username());
        assertEquals("sip:bob@192.0.2.2", c.uri());
        assertEquals("auth", c.qop());
        assertEquals(c, DigestCredentials.parse(c.toHeaderValue()));
        DigestCredentials legacy = DigestCredentials.parse("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", "
                + "response=\"00ff\"");
        assertNull(legacy.qop());
        assertEquals(0, legacy.nonceCount());
        assertEquals(legacy, DigestCredentials.parse(legacy.toHeaderValue()));
    }

    @Test
    void malformedValuesSayWhatIsWrong() {
        assertProblem("missing parameter response", GOOD.replace("response=\"0123456789abcdef0123456789abcdef\", ", ""));
        assertProblem("missing parameter uri", GOOD.replace("uri=\"sip:bob@192.0.2.2\", ", ""));
        assertProblem("auth-scheme is not Digest", "Basic YWxhZGRpbjpvcGVuc2VzYW1l");
        assertProblem("auth-scheme is not Digest", "Digestusername=\"a\"");
        assertProblem("duplicate parameter nonce", GOOD + ", NONCE=\"other\"");
        assertProblem("unterminated quoted string in parameter username", "Digest username=\"alice");
        assertProblem("unterminated quoted string in parameter username", "Digest username=\"alice\\");
        assertProblem("parameter nonce longer than 256", GOOD.replace("\"abc\"", '"' + "n".repeat(257) + '"'));
        assertProblem("nonce longer than 256", GOOD.replace("\"abc\"", "n".repeat(257)));
        assertProblem("header value longer than 4096", GOOD + ", x=\"" + "y".repeat(4100) + '"');
        assertProblem("response is not hex", GOOD.replace("0123456789abcdef0123456789abcdef", "xyz"));
        assertProblem("response is not hex", GOOD.replace("\"0123456789abcdef0123456789abcdef\"", "\"\""));
        assertProblem("nc is not 8 hex digits", GOOD.replace("00000001", "0000001g"));
        assertProblem("nc is not 8 hex digits", GOOD.replace("00000001", "1"));
        assertProblem("qop without cnonce", GOOD.replace("cnonce=\"xyz\", ", ""));
        assertProblem("qop without nc", GOOD.replace(", nc=00000001", ""));
        assertProblem("control character in parameter username", "Digest username=\"a\u0000b\"");
        assertProblem("control character in parameter username", "Digest username=\"a\r\nVia: x\"");
        assertProblem("expected ',' after parameter username", "Digest username=\"a\" realm=\"b\"");
        assertProblem("expected '=' after parameter username", "Digest username");
        assertProblem("expected parameter name", "Digest ");
        assertProblem("expected parameter name", GOOD + ",");
        assertProblem("expected username", "Digest username=");
        assertProblem("empty header value", "");
        assertProblem("empty header value", null);
        assertProblem("more than 32 parameters", "Digest " + String.join(", ",
                java.util.stream.IntStream.range(0, 40).mapToObj(i -> "p" + i + "=1").toList()));
    }

    @Test
    void challengeNeedsRealmAndNonce() {
        DigestParseException e = assertThrows(DigestParseException.class, () -> DigestChallenge.parse("Digest realm=\"r\""));
        assertEquals("missing parameter nonce", e.getMessage());
    }

    /** Random cuts, insertions and duplications of good values: parse throws nothing but DigestParseException. */
    @Test
    void fuzzedValuesOnlyEverThrowDigestParseException() {
        Random random = new Random(7616);
        String challenge = DigestChallenge.of("pbx", "nonce", DigestAlgorithm.SHA_256, true).toHeaderValue();
        String alphabet = "\"\\,= \t\u0000\r\nDigest0123456789abcdefé";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? GOOD : challenge);
            for (int edits = random.nextInt(4); edits >= 0; edits--) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> sb.setLength(Math.min(at, sb.length()));
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.insert(at, sb.substring(0, at));
                }
            }
            String value = sb.toString();
            try {
                DigestCredentials.parse(value);
            } catch (DigestParseException expected) {
                assertFalse(expected.getMessage().isEmpty());
            } catch (RuntimeException e) {
                fail("credentials " + value + " threw " + e);
            }
            try {
                DigestChallenge.parse(value);
            } catch (DigestParseException expected) {
                assertFalse(expected.getMessage().isEmpty());
            } catch (RuntimeException e) {
                fail("challenge " + value + " threw " + e);
            }
        }
    }

    private static void assertProblem(String message, String value) {
        DigestParseException e = assertThrows(DigestParseException.class, () -> DigestCredentials.parse(value));
        assertTrue(e.getMessage().startsWith(message), () -> "'" + e.getMessage() + "' for " + value);
    }
}
