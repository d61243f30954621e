package org.sipee.sip.transaction;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * A final response the transaction layer sends in place of delivering a request, e.g. 503 with Retry-After
 * (RFC 3261 §21.5.4) while the server sheds load.
 *
 * @param retryAfterSeconds the Retry-After value (§20.33), 0 for none
 */
public record Refusal(int status, String reason, int retryAfterSeconds) {

    public Refusal {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("a refusal needs a final non-2xx status, was " + status);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative, was " + retryAfterSeconds);
        }
    }

    SipResponse responseTo(SipRequest request) {
        SipResponse response = Responses.create(request, status, reason, Branches.localTag());
        if (retryAfterSeconds > 0) {
            response.addHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        return response;
    }
}
