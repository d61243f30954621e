package org.sipee.it;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/** Two handlers claiming the same calls: only DeploymentErrorsIT packages them (ShrinkWrap adds the nested classes). */
final class DuplicateRoutes {

    private DuplicateRoutes() {
    }

    /** Claims the same calls as {@link SecondSupportDesk}. */
    @ApplicationScoped
    public static class FirstSupportDesk {
        @Invite(value = "sip:support@*", from = "sip:*@partner.example")
        void take(IncomingCall call) {
            call.reject(486, "Busy Here");
        }
    }

    @ApplicationScoped
    public static class SecondSupportDesk {
        @Invite(value = "sip:support@*", from = "sip:*@partner.example")
        void take(IncomingCall call) {
            call.reject(486, "Busy Here");
        }
    }
}
