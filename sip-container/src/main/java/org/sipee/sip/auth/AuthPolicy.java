package org.sipee.sip.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of a {@link DigestAuthenticator}.
 *
 * @param nonceLifetime how long a nonce is good; older ones get a challenge with stale=true (RFC 7616 §3.3)
 * @param maxFailures   failed authentications from one source address within {@code failureWindow} that ban it
 * @param failureWindow the window failures are counted in
 * @param banTime       how long a banned source is refused with 403
 * @param algorithms    the challenges offered, in order of preference (RFC 8760 §2.4: SHA-256 before MD5)
 * @param md5OnlyAgents User-Agents that give up on a challenge list with an algorithm they lack (against RFC 8760
 *                      §2.4, e.g. baresip 1.0.0): they are challenged with MD5 alone; null: none
 */
public record AuthPolicy(Duration nonceLifetime, int maxFailures, Duration failureWindow, Duration banTime,
                         List<DigestAlgorithm> algorithms, Pattern md5OnlyAgents) {

    public AuthPolicy {
        positive("nonceLifetime", nonceLifetime);
        positive("failureWindow", failureWindow);
        positive("banTime", banTime);
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        if (algorithms == null || algorithms.isEmpty() || Set.copyOf(algorithms).size() != algorithms.size()) {
            throw new IllegalArgumentException("algorithms must name each algorithm at most once, at least one, was "
                    + algorithms);
        }
        algorithms = List.copyOf(algorithms);
    }

    /** SHA-256 and MD5 challenges for every User-Agent. */
    public AuthPolicy(Duration nonceLifetime, int maxFailures, Duration failureWindow, Duration banTime) {
        this(nonceLifetime, maxFailures, failureWindow, banTime, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), null);
    }

    /** The algorithms to challenge a request from this User-Agent (null: none sent) with. */
    public List<DigestAlgorithm> algorithmsFor(String userAgent) {
        return userAgent != null && md5OnlyAgents != null && md5OnlyAgents.matcher(userAgent).find()
                ? List.of(DigestAlgorithm.MD5) : algorithms;
    }

    /** Value equality with the pattern compared by its text. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AuthPolicy other && nonceLifetime.equals(other.nonceLifetime)
                && maxFailures == other.maxFailures && failureWindow.equals(other.failureWindow)
                && banTime.equals(other.banTime) && algorithms.equals(other.algorithms)
                && Objects.equals(patternText(), other.patternText());
    }

    @Override
    public int hashCode() {
        return Objects.hash(nonceLifetime, maxFailures, failureWindow, banTime, algorithms, patternText());
    }

    private String patternText() {
        return md5OnlyAgents == null ? null : md5OnlyAgents.pattern();
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
