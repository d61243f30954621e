package org.sipee.sip.ua;

/**
 * The outcome of an offer we sent in a dialog ({@link DialogCall#reinvite}, {@link DialogCall#update}):
 * the final status (408/503 when no response came, RFC 3261 §8.1.3.1), its reason, and the peer's SDP answer
 * when the 2xx carried one. On a non-2xx the session is unchanged (§14.1); 491 is retried by the stack
 * (§14.1 back-off) and only reported when the retries are used up.
 */
public record ReinviteResult(int status, String reason, String sdp) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
