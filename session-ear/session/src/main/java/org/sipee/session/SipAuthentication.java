package org.sipee.session;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.sipee.rar.api.SipIdentity;
import org.sipee.rar.api.SipSecurity;
import org.sipee.sip.auth.AuthOutcome;
import org.sipee.sip.message.ReasonPhrases;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;

/**
 * Authenticates a phone's request with SIP digest against the adapter's security domain: the identity with its roles,
 * or the request has been answered (a challenge, 400 for malformed credentials, 403 for a blocked source or an
 * identity the domain refuses). Runs on a worker: the realm's lookup may block briefly. Credentials, digests and
 * nonces are never logged.
 */
final class SipAuthentication {

    private static final Logger LOG = Logger.getLogger(SipAuthentication.class.getName());

    /** Where the verdict goes: the request's final response. */
    interface Answer {
        void send(int status, String reason, List<SipHeader> headers);
    }

    private final Optional<SipSecurity> security;

    SipAuthentication(Optional<SipSecurity> security) {
        this.security = security;
    }

    Optional<SipIdentity> authenticate(SipRequest request, InetSocketAddress source, Answer answer) {
        if (security.isEmpty()) {
            LOG.warning(() -> request.method() + " " + request.callId() + " needs authentication, but the adapter's "
                    + "securityDomain is empty: 403");
            answer.send(403, "Forbidden (authentication is not configured)", List.of());
            return Optional.empty();
        }
        AuthOutcome outcome = security.get().authenticator().authenticate(request, source);
        if (outcome instanceof AuthOutcome.Authenticated authenticated) {
            Optional<SipIdentity> identity = security.get().users().identity(authenticated.username());
            if (identity.isEmpty()) {
                LOG.info(() -> "user " + authenticated.username() + " authenticated but may not log in: 403");
                answer.send(403, "Forbidden", List.of());
            }
            return identity;
        }
        if (outcome instanceof AuthOutcome.Challenge challenge) {
            List<SipHeader> headers = challenge.challenges().stream()
                    .map(value -> SipHeader.of(challenge.headerName(), value)).toList();
            answer.send(challenge.status(), ReasonPhrases.of(challenge.status()), headers);
        } else if (outcome instanceof AuthOutcome.Refused refused) {
            LOG.fine(() -> request.method() + " " + request.callId() + " from " + source + " refused " + refused.status()
                    + ": " + refused.reason());
            answer.send(refused.status(), refused.reason(), List.of());
        }
        return Optional.empty();
    }

    int maxCallsPerUser() {
        return security.map(SipSecurity::maxCallsPerUser).orElse(Integer.MAX_VALUE);
    }
}
