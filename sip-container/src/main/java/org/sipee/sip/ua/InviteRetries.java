package org.sipee.sip.ua;

import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * When an outbound call sends its INVITE again outside any dialog: once after a 422, with its Min-SE (RFC 4028
 * §7.4), and after a 401/407 it can answer ({@link ChallengeAnswers}, RFC 3261 §22.2). Used on the event loop.
 */
final class InviteRetries {

    private final ChallengeAnswers challenges;
    private boolean after422;

    /** @param credentials for 401/407; null: those fail the call */
    InviteRetries(UacCredentials credentials) {
        this.challenges = new ChallengeAnswers(credentials);
    }

    /** The INVITE to send instead of {@code invite} after this final response, or null when it ends the call. */
    SipRequest next(SipRequest invite, SipResponse response) {
        if (response.status() == 422 && !after422) {
            after422 = true;
            return OutboundInvite.retry(invite, SessionExpires.minSE(response));
        }
        return challenges.answer(invite, response);
    }
}
