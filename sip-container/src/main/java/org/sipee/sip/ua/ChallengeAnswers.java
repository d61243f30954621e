package org.sipee.sip.ua;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sipee.sip.auth.DigestChallenge;
import org.sipee.sip.auth.DigestClient;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * Answers the 401 and 407 responses to one request of ours and its retries (RFC 3261 §22.2, §22.3): the request
 * again with Authorization (401) or Proxy-Authorization (407) for each challenge of a realm the credentials
 * answer. Each realm is answered once, unless its new challenge says stale=true (RFC 7616 §3.3); a challenge of a
 * realm already answered means our credentials were refused. Credentials are not kept for later requests (§22.3
 * allows it; every new request is challenged again). Used on the event loop.
 */
final class ChallengeAnswers {

    /** Bounds a server that keeps saying stale=true. */
    private static final int MAX_ANSWERS = 5;

    private final UacCredentials credentials;
    private final Set<String> answered = new HashSet<>();
    private int answers;

    /** @param credentials null: no challenge is answered */
    ChallengeAnswers(UacCredentials credentials) {
        this.credentials = credentials;
    }

    /** The request again with our answers, or null when the response is no challenge we can (still) answer. */
    SipRequest answer(SipRequest sent, SipResponse response) {
        int status = response.status();
        if (credentials == null || answers == MAX_ANSWERS || status != 401 && status != 407) {
            return null;
        }
        String challengeHeader = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
        String credentialsHeader = status == 401 ? "Authorization" : "Proxy-Authorization";
        List<DigestChallenge> open = DigestClient.answerable(response.headerValues(challengeHeader), credentials).stream()
                .filter(c -> c.stale() || !answered.contains(status + " " + c.realm())).toList();
        if (open.isEmpty()) {
            return null;
        }
        SipRequest again = NextRequest.of(sent, Set.of(HeaderNames.key(credentialsHeader)));
        for (DigestChallenge challenge : open) {
            again.addHeader(credentialsHeader, DigestClient.authorization(challenge, sent.method(), sent.requestUri(),
                    credentials, 1, DigestClient.newCnonce()));
            answered.add(status + " " + challenge.realm());
        }
        answers++;
        return again;
    }

    /** A new request (e.g. a registration refresh): every realm may be answered again. */
    void reset() {
        answered.clear();
        answers = 0;
    }
}
