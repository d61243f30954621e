package org.sipee.it;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * Routes only authenticated callers reach: sip:whoami@ (role phone) notes who the caller is and refuses 486;
 * sip:operators@ wants the role operator, which the demo users lack.
 */
@ApplicationScoped
public class ProtectedHandlers {

    private final Map<String, String> callers = new ConcurrentHashMap<>();

    @Invite("sip:whoami@*")
    @RolesAllowed("phone")
    void whoAmI(IncomingCall call) {
        callers.put(call.callId(), call.caller().map(Principal::getName).orElse("nobody") + " phone="
                + call.isCallerInRole("phone") + " operator=" + call.isCallerInRole("operator"));
        call.reject(486, "Busy Here");
    }

    @Invite("sip:operators@*")
    @RolesAllowed("operator")
    void operators(IncomingCall call) {
        callers.put(call.callId(), "operator route reached");
        call.reject(486, "Busy Here");
    }

    /** What the handler saw of the call's caller, or null when no handler ran. */
    public String callerOf(String callId) {
        return callers.get(callId);
    }
}
