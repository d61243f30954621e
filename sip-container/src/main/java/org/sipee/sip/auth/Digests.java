package org.sipee.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The digest computation of RFC 7616 §3.4.1 (qop=auth) and RFC 2617 §3.2.2.1 / RFC 2069 (no qop), as SIP uses it
 * (RFC 3261 §22.4: A2 is Method ":" Request-URI). auth-int and the "-sess" algorithms are not supported.
 */
public final class Digests {

    private Digests() {
    }

    /** HA1 = H(username ":" realm ":" password) (RFC 7616 §3.4.2). */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        return algorithm.hash(username + ':' + realm + ':' + password);
    }

    /**
     * The request-digest: with qop=auth {@code H(HA1:nonce:nc:cnonce:qop:H(A2))}, without qop
     * {@code H(HA1:nonce:H(A2))}, where A2 = method ":" uri (RFC 7616 §3.4.3).
     *
     * @param nc     8 hex digits; ignored without qop
     * @param cnonce ignored without qop
     * @param qop    "auth" or null
     * @throws IllegalArgumentException for a qop other than auth
     */
    public static String response(DigestAlgorithm algorithm, String ha1, String method, String uri, String nonce,
                                  String nc, String cnonce, String qop) {
        String ha2 = algorithm.hash(method + ':' + uri);
        if (qop == null) {
            return algorithm.hash(ha1 + ':' + nonce + ':' + ha2);
        }
        if (!qop.equalsIgnoreCase("auth")) {
            throw new IllegalArgumentException("only qop=auth is supported");
        }
        return algorithm.hash(ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
    }

    /** Whether two hex digests are equal, case-insensitive, in time independent of where they differ. */
    public static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
