package org.sipee.it;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Invite;

/** An @Invite handler must take an IncomingCall: only DeploymentErrorsIT packages this one. */
@ApplicationScoped
public class WrongSignatureHandler {

    @Invite("sip:wrong@*")
    void take(String requestUri) {
    }
}
