package org.sipee.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sipee.session.Bye;
import org.sipee.session.CallEnded;
import org.sipee.session.Dtmf;
import org.sipee.session.DtmfReceived;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/** sip:scope@: the handlers, an answer continuation and the @Dtmf handler of one call share its {@link CallNotes}. */
@ApplicationScoped
public class CallScopeHandlers {

    @Inject
    CallNotes notes; // a client proxy: each call reaches its own instance

    @Invite("sip:scope@*")
    void onInvite(IncomingCall call) {
        notes.note(call.callId(), "invite");
        call.answer().thenAccept(answered -> notes.note(answered.callId(), "answered"));
    }

    @Dtmf
    void onDigit(DtmfReceived dtmf) {
        notes.note(dtmf.call().callId(), "digit " + dtmf.digit());
    }

    @Bye
    void onBye(CallEnded ended) {
        notes.note(ended.callId(), "bye " + ended.reason());
    }
}
