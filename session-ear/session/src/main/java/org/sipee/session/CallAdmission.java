package org.sipee.session;

import java.util.Optional;
import java.util.logging.Logger;

import org.sipee.rar.api.SipIdentity;
import org.sipee.sip.ua.InboundCall;

/**
 * Whether a new call may reach its handler: an open handler takes anyone; a protected one ({@code @RolesAllowed}) an
 * authenticated caller in one of its roles (else 407 with our challenges, or 403), with fewer calls up than the
 * adapter's maxCallsPerUser (else 486). Decided before any session exists, so a refused call leaves nothing behind.
 */
final class CallAdmission {

    private static final Logger LOG = Logger.getLogger(CallAdmission.class.getName());

    /** The verdict: admitted (with the caller, when the handler is protected) or already answered. */
    record Verdict(boolean admitted, Optional<SipIdentity> caller) {
        static final Verdict OPEN = new Verdict(true, Optional.empty());
        static final Verdict REFUSED = new Verdict(false, Optional.empty());
    }

    private final SipAuthentication authentication;
    private final SessionRegistry registry;

    CallAdmission(SipAuthentication authentication, SessionRegistry registry) {
        this.authentication = authentication;
        this.registry = registry;
    }

    SipAuthentication authentication() {
        return authentication;
    }

    Verdict admit(InboundCall call, HandlerMethod handler) {
        if (!handler.access().isProtected()) {
            return Verdict.OPEN;
        }
        Optional<SipIdentity> caller = authentication.authenticate(call.invite(), call.remoteAddress(), call::reject);
        if (caller.isEmpty()) {
            return Verdict.REFUSED;
        }
        SipIdentity user = caller.get();
        if (!handler.access().allows(user)) {
            LOG.info(() -> "call " + call.callId() + " from user " + user.name() + " refused 403: " + handler
                    + " allows " + handler.access() + ", the user has " + user.roles());
            call.reject(403, "Forbidden");
            return Verdict.REFUSED;
        }
        long up = registry.sessions().stream()
                .filter(s -> s instanceof CallSession incoming && incoming.isPlacedBy(user.name())).count();
        if (up >= authentication.maxCallsPerUser()) {
            LOG.info(() -> "call " + call.callId() + " from user " + user.name() + " refused 486: " + up
                    + " calls up, the limit (config-property maxCallsPerUser) is " + authentication.maxCallsPerUser());
            call.reject(486, "Busy Here (too many calls)");
            return Verdict.REFUSED;
        }
        return new Verdict(true, caller);
    }
}
