package org.sipee.demo;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;
import org.sipee.session.Registrations;

/**
 * sip:alice@... and sip:bob@...: calls between the demo's registered phones. The caller must authenticate (role
 * {@code phone}); every contact the callee has registered rings at once, the first to answer is bridged to the
 * caller through our media engine, the others stop ringing; no registered contact is 480.
 */
@ApplicationScoped
public class Phones {

    private static final Logger LOG = Logger.getLogger(Phones.class.getName());

    @Inject
    Registrations registrations;

    @Invite("sip:alice@*")
    @RolesAllowed("phone")
    void callAlice(IncomingCall call) {
        ring(call);
    }

    @Invite("sip:bob@*")
    @RolesAllowed("phone")
    void callBob(IncomingCall call) {
        ring(call);
    }

    private void ring(IncomingCall call) {
        List<String> contacts = registrations.contacts(call.requestUri());
        if (contacts.isEmpty()) {
            call.reject(480, "Temporarily Unavailable");
            return;
        }
        String caller = call.caller().orElseThrow().getName();
        LOG.info(() -> "call " + call.callId() + " from " + caller + " rings " + contacts);
        call.connectTo(contacts).whenComplete((callee, failure) -> LOG.info(() -> failure == null
                ? "call " + call.callId() + " answered at " + callee.to()
                : "call " + call.callId() + " from " + caller + " not answered: " + failure.getMessage()));
    }
}
