package org.sipee.rar.api;

import java.util.Set;

/** An authenticated SIP user as the server's security domain knows it: its name and its roles. */
public record SipIdentity(String name, Set<String> roles) {

    public SipIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
