package org.sipee.sip.auth;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Authorization or Proxy-Authorization value of the Digest scheme (RFC 3261 §20.7, §20.28; RFC 7616 §3.4).
 * {@link #toString()} leaves the response out, so that it never reaches a log.
 *
 * @param algorithm as sent, or null (MD5); see {@link #digestAlgorithm()}
 * @param cnonce    null without qop
 * @param nc        the nonce count, 8 hex digits, null without qop
 * @param qop       the chosen qop, null for a legacy (RFC 2069) response
 * @param opaque    null when the challenge had none
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String nc, String qop, String opaque) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        if (qop != null && (cnonce == null || nc == null)) {
            throw new IllegalArgumentException("qop needs cnonce and nc (RFC 7616 §3.4)");
        }
    }

    /**
     * @throws DigestParseException when the value is not Digest, is malformed or too long, lacks username, realm,
     *                              nonce, uri or response, has a response or nc that is not hex, or a qop
     *                              without cnonce and nc (RFC 7616 §3.4)
     */
    public static DigestCredentials parse(String value) throws DigestParseException {
        Map<String, String> params = DigestParams.parse(value);
        String response = DigestChallenge.required(params, "response");
        if (response.isEmpty() || !isHex(response)) {
            throw new DigestParseException("response is not hex");
        }
        String nc = params.get("nc");
        if (nc != null && (nc.length() != 8 || !isHex(nc))) {
            throw new DigestParseException("nc is not 8 hex digits");
        }
        String qop = params.get("qop");
        if (qop != null && (params.get("cnonce") == null || nc == null)) {
            throw new DigestParseException("qop without " + (nc == null ? "nc" : "cnonce"));
        }
        return new DigestCredentials(DigestChallenge.required(params, "username"),
                DigestChallenge.required(params, "realm"), DigestChallenge.required(params, "nonce"),
                DigestChallenge.required(params, "uri"), response, params.get("algorithm"), params.get("cnonce"),
                nc, qop, params.get("opaque"));
    }

    /** The algorithm when we support it (absent parameter: MD5), else empty. */
    public Optional<DigestAlgorithm> digestAlgorithm() {
        return DigestAlgorithm.of(algorithm);
    }

    /** The nonce count as a number; 0 without qop. */
    public long nonceCount() {
        return nc == null ? 0 : Long.parseLong(nc, 16);
    }

    /** As header text: quoted strings, with algorithm, qop and nc as tokens (RFC 7616 §3.4). */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder("Digest username=").append(DigestParams.quote(username))
                .append(", realm=").append(DigestParams.quote(realm))
                .append(", nonce=").append(DigestParams.quote(nonce))
                .append(", uri=").append(DigestParams.quote(uri))
                .append(", response=").append(DigestParams.quote(response));
        if (algorithm != null) {
            sb.append(", algorithm=").append(algorithm);
        }
        if (cnonce != null) {
            sb.append(", cnonce=").append(DigestParams.quote(cnonce));
        }
        if (opaque != null) {
            sb.append(", opaque=").append(DigestParams.quote(opaque));
        }
        if (qop != null) {
            sb.append(", qop=").append(qop).append(", nc=").append(nc);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri + ", algorithm="
                + algorithm + ", qop=" + qop + ", nc=" + nc + "]";
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
