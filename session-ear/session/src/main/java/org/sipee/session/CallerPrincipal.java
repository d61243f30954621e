package org.sipee.session;

import java.security.Principal;

/** The authenticated caller of a call: the user name the server's security domain knows it by. */
public record CallerPrincipal(String name) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
