package org.sipee.session;

import java.util.logging.Logger;

/**
 * An incoming call that replaces one of ours (INVITE with Replaces, RFC 3891 §3; the engine has matched the dialog):
 * once the new call is answered the replaced one ends with BYE. A replaced call that was bridged (e.g. the leg of a
 * back-to-back call) hands its partner over: the new call is answered at once and bridged to it. Otherwise the new
 * call goes to the @Invite handlers like any other.
 */
final class Replacement {

    private static final Logger LOG = Logger.getLogger(Replacement.class.getName());

    private Replacement() {
    }

    /**
     * Ends {@code replaced} once {@code incoming} is answered; with a bridge {@code partner} (null: none), answers
     * {@code incoming} at once and bridges the partner to it instead.
     */
    static void take(CallSession incoming, BaseSession replaced, BaseSession partner) {
        incoming.whenAnswered().thenRun(() -> {
            if (partner != null && !partner.state().isTerminal()) {
                partner.bridgeInPlaceOf(replaced, incoming);
            }
            if (!replaced.state().isTerminal()) {
                LOG.info(() -> "call " + replaced.callId() + " replaced by " + incoming.callId());
                replaced.endCall();
            }
        });
        if (partner != null) {
            incoming.answer();
        }
    }
}
