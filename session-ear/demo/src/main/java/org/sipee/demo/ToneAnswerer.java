package org.sipee.demo;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Bye;
import org.sipee.session.Call;
import org.sipee.session.CallEnded;
import org.sipee.session.Cancel;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * The demo: rings, answers every call and plays a 440 Hz tone until the caller hangs up. The session layer handles
 * the caller's re-INVITEs: on hold (a=sendonly, inactive) the tone pauses and resumes with a=sendrecv; an offer
 * with PCMA first switches the tone to PCMA.
 * Routes for callers that test other outcomes: sip:ring@... only rings (CANCEL), sip:busy@... is
 * rejected 486, sip:early@... hears the tone as early media (183 with SDP) before the 200. The IVR (sip:ivr@...)
 * hands its callers' choice 3 to {@link #playTone(Call)}.
 */
@ApplicationScoped
public class ToneAnswerer {

    private static final Logger LOG = Logger.getLogger(ToneAnswerer.class.getName());
    private static final double TONE_HZ = 440;

    @Invite
    void onInvite(IncomingCall call) {
        LOG.fine(() -> "call " + call.callId() + " from " + call.from()); // FINE: a line per call costs at 2000 calls/s
        call.ringing();
        call.answer()
                .thenAccept(this::playTone)
                .exceptionally(failure -> {
                    LOG.info(() -> "call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }

    /** The tone until the caller hangs up, whichever route answered the call. */
    public void playTone(Call call) {
        call.playTone(TONE_HZ);
    }

    /** More specific than "*", so it wins for sip:ring@... */
    @Invite("sip:ring@*")
    void ringOnly(IncomingCall call) {
        call.ringing();
    }

    @Invite("sip:busy@*")
    void busy(IncomingCall call) {
        call.reject(486, "Busy Here");
    }

    /** The tone starts with the 183, as a network announcement would; the answer then reuses stream and SDP. */
    @Invite("sip:early@*")
    void earlyMedia(IncomingCall call) {
        call.earlyMedia()
                .thenCompose(early -> {
                    playTone(early);
                    return early.answer();
                })
                .exceptionally(failure -> {
                    LOG.info(() -> "call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }

    @Bye
    void onBye(CallEnded ended) {
        LOG.fine(() -> "call " + ended.callId() + " ended (" + ended.reason() + "), RTP sent "
                + ended.rtp().packetsSent() + ", received " + ended.rtp().packetsReceived());
    }

    @Cancel
    void onCancel(CallEnded ended) {
        LOG.fine(() -> "call " + ended.callId() + " cancelled by the caller");
    }
}
