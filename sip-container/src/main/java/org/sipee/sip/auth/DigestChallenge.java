package org.sipee.sip.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WWW-Authenticate or Proxy-Authenticate value of the Digest scheme (RFC 3261 §20.44, §20.27; RFC 7616 §3.3).
 * Parameters we do not use (domain, charset, userhash, auth-params) are ignored when parsing.
 *
 * @param realm      the protection space
 * @param nonce      the server's nonce
 * @param opaque     to be returned unchanged, or null
 * @param algorithm  the algorithm parameter as sent, or null (meaning MD5); see {@link #digestAlgorithm()}
 * @param qopOptions the qop options in lower case, empty for a legacy (RFC 2069) challenge
 * @param stale      the previous request was refused only for its stale nonce: retry without asking the user
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, List<String> qopOptions,
                              boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        qopOptions = List.copyOf(qopOptions);
    }

    /** A challenge of ours: qop="auth" (RFC 8760 §2.4: SIP uses auth only). */
    public static DigestChallenge of(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
        return new DigestChallenge(realm, nonce, null, algorithm.wireName(), List.of("auth"), stale);
    }

    /** The algorithm when we support it (absent parameter: MD5), else empty. */
    public Optional<DigestAlgorithm> digestAlgorithm() {
        return DigestAlgorithm.of(algorithm);
    }

    /** @throws DigestParseException when the value is not Digest, malformed, too long, or lacks realm or nonce */
    public static DigestChallenge parse(String value) throws DigestParseException {
        Map<String, String> params = DigestParams.parse(value);
        String realm = required(params, "realm");
        String nonce = required(params, "nonce");
        List<String> qop = new ArrayList<>(2);
        String options = params.get("qop");
        if (options != null) {
            for (String option : options.split(",")) {
                if (!option.isBlank()) {
                    qop.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new DigestChallenge(realm, nonce, params.get("opaque"), params.get("algorithm"), qop,
                "true".equalsIgnoreCase(params.get("stale")));
    }

    /** As header text, e.g. {@code Digest realm="a", nonce="n", algorithm=SHA-256, qop="auth"}. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder("Digest realm=").append(DigestParams.quote(realm))
                .append(", nonce=").append(DigestParams.quote(nonce));
        if (opaque != null) {
            sb.append(", opaque=").append(DigestParams.quote(opaque));
        }
        if (algorithm != null) {
            sb.append(", algorithm=").append(algorithm);
        }
        if (!qopOptions.isEmpty()) {
            sb.append(", qop=").append(DigestParams.quote(String.join(",", qopOptions)));
        }
        if (stale) {
            sb.append(", stale=TRUE");
        }
        return sb.toString();
    }

    static String required(Map<String, String> params, String name) throws DigestParseException {
        String value = params.get(name);
        if (value == null) {
            throw new DigestParseException("missing parameter " + name);
        }
        return value;
    }
}
