package org.sipee.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The digest algorithms we compute (RFC 7616 §3.3, RFC 8760 §2.1 for SIP). The "-sess" variants and SHA-512-256
 * are not supported: {@link #of} returns empty for them, and a challenge never offers them.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String wireName;
    private final String jdkName;

    DigestAlgorithm(String wireName, String jdkName) {
        this.wireName = wireName;
        this.jdkName = jdkName;
    }

    /** The name in the algorithm parameter, e.g. {@code SHA-256}. */
    public String wireName() {
        return wireName;
    }

    /** The algorithm of a parameter value, case-insensitive; null (no algorithm parameter) is MD5 (RFC 7616 §3.3). */
    public static Optional<DigestAlgorithm> of(String wireName) {
        if (wireName == null) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.wireName.equalsIgnoreCase(wireName)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(text) of RFC 7616 §3.4.1: the digest of the UTF-8 text, in lower-case hex. */
    public String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide " + jdkName, e);
        }
    }

    /** Length in hex digits of a hash of this algorithm. */
    int hexLength() {
        return this == MD5 ? 32 : 64;
    }
}
