package org.sipee.demo;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Call;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * sip:echo@...: the classic echo test, the caller hears themselves (after our jitter buffer). The IVR (sip:ivr@...)
 * hands its callers' choice 1 to {@link #start(Call)}.
 */
@ApplicationScoped
public class EchoTest {

    private static final Logger LOG = Logger.getLogger(EchoTest.class.getName());

    @Invite("sip:echo@*")
    void onInvite(IncomingCall call) {
        call.ringing();
        call.answer()
                .thenAccept(this::start)
                .exceptionally(failure -> {
                    LOG.info(() -> "echo call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }

    /** The echo test on an answered call, whichever route answered it. */
    public void start(Call call) {
        call.echo();
    }
}
