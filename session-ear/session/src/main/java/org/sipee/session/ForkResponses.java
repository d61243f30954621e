package org.sipee.session;

import java.util.List;
import java.util.Map;

import org.sipee.sip.message.SipResponse;

/**
 * The refusals of the targets a back-to-back call forked to, and the one the caller gets when none answered, after
 * RFC 3261 §16.7 step 6: a 6xx as soon as one came; otherwise the lowest class (a redirect before a 4xx before a
 * 5xx), the first of that class received. Challenges are the targets' business with us, not the caller's: 401 and
 * 407 become 403. Not thread-safe: its owner guards it.
 */
final class ForkResponses {

    /** Authentication challenges are the target's business with us; the caller could not answer them. */
    private static final Map<Integer, Integer> NOT_PASSED_ON = Map.of(401, 403, 407, 403);

    /** The response passed on: a 3xx carries the target's contacts (empty otherwise). */
    record Best(int status, String reason, List<String> contacts) {
    }

    private Best best;

    void add(int status, String reason, SipResponse response) {
        int passedOn = NOT_PASSED_ON.getOrDefault(status, status);
        List<String> contacts = passedOn < 400 && response != null ? response.headerValues("Contact") : List.of();
        Best candidate = new Best(passedOn, passedOn == status ? reason : "Forbidden", contacts);
        if (best == null || betterThan(candidate, best)) {
            best = candidate;
        }
    }

    /** The best refusal so far; 480 when there was none (nothing could be tried). */
    Best best() {
        return best != null ? best : new Best(480, "Temporarily Unavailable", List.of());
    }

    private static boolean betterThan(Best candidate, Best current) {
        if (current.status() >= 600) {
            return false;
        }
        return candidate.status() >= 600 || candidate.status() / 100 < current.status() / 100;
    }
}
