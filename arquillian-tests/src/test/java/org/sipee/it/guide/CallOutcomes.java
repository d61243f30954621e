package org.sipee.it.guide;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.CallResponse;
import org.sipee.session.ErrorResponse;
import org.sipee.session.ProvisionalResponse;
import org.sipee.session.RedirectResponse;
import org.sipee.session.SuccessResponse;

/** What happens to the calls we place: the callee rings, answers (we play a tone), moves, or refuses. */
@ApplicationScoped
public class CallOutcomes {

    private static final Logger LOG = Logger.getLogger(CallOutcomes.class.getName());

    @ProvisionalResponse
    void ringing(CallResponse response) {
        LOG.info(() -> response.call().callId() + " rings: " + response.status() + " " + response.reason());
    }

    @SuccessResponse
    void answered(CallResponse response) {
        response.call().playTone(440);                       // the callee hears 440 Hz until someone hangs up
    }

    @RedirectResponse
    void moved(CallResponse response) {
        LOG.info(() -> response.call().callId() + " moved to " + response.contacts());
    }

    @ErrorResponse("sip:*@127.0.0.1:*")                     // only calls to this host
    void refused(CallResponse response) {
        LOG.info(() -> response.call().callId() + " refused: " + response.status() + " " + response.reason());
    }
}
