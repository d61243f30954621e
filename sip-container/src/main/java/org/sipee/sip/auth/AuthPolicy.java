package org.sipee.sip.auth;

import java.time.Duration;

/**
 * Settings of a {@link DigestAuthenticator}.
 *
 * @param nonceLifetime how long a nonce is good; older ones get a challenge with stale=true (RFC 7616 §3.3)
 * @param maxFailures   failed authentications from one source address within {@code failureWindow} that ban it
 * @param failureWindow the window failures are counted in
 * @param banTime       how long a banned source is refused with 403
 */
public record AuthPolicy(Duration nonceLifetime, int maxFailures, Duration failureWindow, Duration banTime) {

    public AuthPolicy {
        positive("nonceLifetime", nonceLifetime);
        positive("failureWindow", failureWindow);
        positive("banTime", banTime);
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
    }

    /** Nonces good for 300 s; 5 failures within 60 s ban a source for 300 s. */
    public static AuthPolicy defaults() {
        return new AuthPolicy(Duration.ofSeconds(300), 5, Duration.ofSeconds(60), Duration.ofSeconds(300));
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
