package org.sipee.rar.api;

import org.sipee.sip.auth.DigestAuthenticator;
import org.sipee.sip.registrar.RegistrarPolicy;

/**
 * How the adapter authenticates phones (config-properties securityDomain, authRealm and the failure settings) and
 * what it lets them have: the digest authenticator, the security domain's users with their roles, the registrar's
 * policy, and the calls one user may have at once.
 */
public record SipSecurity(DigestAuthenticator authenticator, UserDirectory users, RegistrarPolicy registrations,
                          int maxCallsPerUser) {
}
