package org.sipee.sip.auth;

import java.util.List;

/** What {@link DigestAuthenticator#authenticate} decided about one request. */
public sealed interface AuthOutcome {

    /** The request carries valid credentials of {@code username}: go on with it. */
    record Authenticated(String username, DigestAlgorithm algorithm) implements AuthOutcome {
    }

    /**
     * Answer {@code status} (401 or 407) with one {@code headerName} line (WWW-Authenticate or Proxy-Authenticate)
     * per entry of {@code challenges}, in order; they must not be combined into one line (RFC 3261 §7.3.1).
     *
     * @param stale the nonce was only stale: the client may retry without asking its user (RFC 7616 §3.3)
     */
    record Challenge(int status, String headerName, List<String> challenges, boolean stale) implements AuthOutcome {

        public Challenge {
            challenges = List.copyOf(challenges);
        }
    }

    /** Answer {@code status} (400 malformed credentials, 403 banned source) with this reason phrase. */
    record Refused(int status, String reason) implements AuthOutcome {
    }
}
