package org.sipee.sip.registrar;

/**
 * The registrar's local choices (RFC 3261 §10.3 step 7), in seconds.
 *
 * @param minExpires        shortest interval accepted: a request for less (but more than 0) gets 423 with
 *                          Min-Expires; at most 3600, as §10.3 allows 423 only below one hour; 0 accepts any
 * @param maxExpires        longest interval granted: longer requests are shortened to it
 * @param defaultExpires    interval when the request names none (neither expires parameter nor Expires header)
 * @param maxBindingsPerAor most bindings one address-of-record may hold: a REGISTER that would add more gets 403
 */
public record RegistrarPolicy(int minExpires, int maxExpires, int defaultExpires, int maxBindingsPerAor) {

    public RegistrarPolicy {
        if (minExpires < 0 || minExpires > 3600) {
            throw new IllegalArgumentException("minExpires must be 0..3600 (RFC 3261 §10.3 step 7: 423 only below one"
                    + " hour), was " + minExpires);
        }
        if (maxExpires < Math.max(1, minExpires)) {
            throw new IllegalArgumentException("maxExpires must be at least 1 and at least minExpires " + minExpires
                    + ", was " + maxExpires);
        }
        if (defaultExpires < Math.max(1, minExpires) || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("defaultExpires must be at least 1, at least minExpires " + minExpires
                    + " and at most maxExpires " + maxExpires + ", was " + defaultExpires);
        }
        if (maxBindingsPerAor < 1) {
            throw new IllegalArgumentException("maxBindingsPerAor must be at least 1, was " + maxBindingsPerAor);
        }
    }

    /** 60 s minimum, 2 h maximum, 1 h default, 10 bindings per address-of-record. */
    public static RegistrarPolicy defaults() {
        return new RegistrarPolicy(60, 7200, 3600, 10);
    }

    /** Whether a requested interval earns a 423 (§10.3 step 7: more than zero and below the minimum). */
    boolean tooBrief(long requestedSeconds) {
        return requestedSeconds > 0 && requestedSeconds < minExpires;
    }

    /** The interval granted for a requested one: the registrar may choose less (§10.3 step 7). */
    long grant(long requestedSeconds) {
        return Math.min(requestedSeconds, maxExpires);
    }
}
