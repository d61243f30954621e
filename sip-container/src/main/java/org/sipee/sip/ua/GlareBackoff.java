package org.sipee.sip.ua;

import java.util.concurrent.ThreadLocalRandom;

/** RFC 3261 §14.1: how long to wait before retrying a re-INVITE (or UPDATE) that got 491 Request Pending. */
final class GlareBackoff {

    private GlareBackoff() {
    }

    /**
     * The owner of the Call-ID (the UA that generated it, i.e. sent the initial INVITE): 2.1..4 s in units of
     * 10 ms; the other UA: 0..2 s in units of 10 ms.
     */
    static long delayMillis(boolean callIdOwner) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return callIdOwner ? 2100 + 10L * random.nextInt(191) : 10L * random.nextInt(201);
    }
}
