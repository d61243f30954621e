package org.sipee.it.guide;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Bye;
import org.sipee.session.CallEnded;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/** sip:hello@…: rings, answers, plays a tone until the caller presses #, then hangs up. */
@ApplicationScoped
public class Greeter {

    private static final Logger LOG = Logger.getLogger(Greeter.class.getName());

    @Invite("sip:hello@*")
    void onInvite(IncomingCall call) {
        call.ringing();                                      // 180 Ringing
        call.answer()                                        // SDP answer, RTP stream, 200 OK; completes on the ACK
                .thenAccept(answered -> {
                    answered.playTone(440);
                    answered.onDtmf(digit -> {               // RFC 4733 keys, on the call's worker thread
                        if (digit == '#') {
                            answered.hangUp();               // BYE
                        }
                    });
                });
    }

    @Bye
    void onBye(CallEnded ended) {
        LOG.info(() -> ended.callId() + " ended: " + ended.reason() + ", " + ended.rtp().packetsSent() + " packets sent");
    }
}
