package org.sipee.sip.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UAC side of Digest (RFC 3261 §22.2, §22.3, RFC 8760): picks the challenges to answer and builds the
 * Authorization or Proxy-Authorization values. Stateless; nonce counts and cnonces are the caller's.
 */
public final class DigestClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestClient() {
    }

    /**
     * The challenges to answer among WWW-Authenticate or Proxy-Authenticate values: one per realm the credentials
     * answer, SHA-256 over MD5 when both are offered (RFC 8760 §2.4), in the order the realms first appear.
     * Values we cannot answer (not Digest, malformed, an algorithm we lack, qop options without auth) are skipped.
     */
    public static List<DigestChallenge> answerable(List<String> challengeValues, UacCredentials credentials) {
        Map<String, DigestChallenge> best = new LinkedHashMap<>();
        for (String value : challengeValues) {
            DigestChallenge challenge;
            try {
                challenge = DigestChallenge.parse(value);
            } catch (DigestParseException e) {
                continue;
            }
            boolean qopOk = challenge.qopOptions().isEmpty() || challenge.qopOptions().contains("auth");
            if (qopOk && challenge.digestAlgorithm().isPresent() && credentials.answers(challenge.realm())) {
                best.merge(challenge.realm(), challenge, DigestClient::stronger);
            }
        }
        return List.copyOf(best.values());
    }

    /**
     * The credentials value answering {@code challenge} for a request: qop=auth when offered, else the legacy
     * form without qop (RFC 2617 §3.2.2); opaque and algorithm echoed as given (RFC 7616 §3.4).
     *
     * @param nonceCount how many requests this nonce has answered, this one included (1 for a new nonce)
     * @param cnonce     from {@link #newCnonce()}; unused without qop
     * @throws IllegalArgumentException when the challenge is not {@link #answerable}
     */
    public static String authorization(DigestChallenge challenge, String method, String uri, UacCredentials credentials,
                                       long nonceCount, String cnonce) {
        DigestAlgorithm algorithm = challenge.digestAlgorithm().orElseThrow(
                () -> new IllegalArgumentException("unsupported algorithm " + challenge.algorithm()));
        String qop = challenge.qopOptions().isEmpty() ? null : "auth";
        if (qop != null && !challenge.qopOptions().contains(qop)) {
            throw new IllegalArgumentException("the challenge offers no qop=auth");
        }
        String nc = qop == null ? null : String.format("%08x", nonceCount);
        String usedCnonce = qop == null ? null : cnonce;
        String ha1 = Digests.ha1(algorithm, credentials.username(), challenge.realm(), credentials.password());
        String response = Digests.response(algorithm, ha1, method, uri, challenge.nonce(), nc, usedCnonce, qop);
        return new DigestCredentials(credentials.username(), challenge.realm(), challenge.nonce(), uri, response,
                challenge.algorithm(), usedCnonce, nc, qop, challenge.opaque()).toHeaderValue();
    }

    /** A client nonce: 64 random bits in hex (RFC 7616 §3.4: unguessable, new for each nonce). */
    public static String newCnonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static DigestChallenge stronger(DigestChallenge a, DigestChallenge b) {
        return b.digestAlgorithm().orElseThrow().compareTo(a.digestAlgorithm().orElseThrow()) > 0 ? b : a;
    }
}
