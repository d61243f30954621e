package org.sipee.sip.dialog;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates tags (RFC 3261 §19.3): at least 32 bits of cryptographic randomness; we use 64. */
public final class LocalTags {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalTags() {
    }

    public static String next() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
