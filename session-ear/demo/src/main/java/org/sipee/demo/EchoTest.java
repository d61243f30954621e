package org.sipee.demo;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/** sip:echo@...: the classic echo test, the caller hears themselves (after our jitter buffer). */
@ApplicationScoped
public class EchoTest {

    private static final Logger LOG = Logger.getLogger(EchoTest.class.getName());

    @Invite("sip:echo@*")
    void echo(IncomingCall call) {
        call.ringing();
        call.answer()
                .thenAccept(answered -> answered.echo())
                .exceptionally(failure -> {
                    LOG.info(() -> "echo call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }
}
