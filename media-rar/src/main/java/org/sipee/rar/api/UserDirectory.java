package org.sipee.rar.api;

import java.util.Optional;

/** The users of the adapter's security domain. Blocks briefly (the realm's lookup): call it on a worker, never an event loop. */
public interface UserDirectory {

    /** The user with its roles, or empty when the domain does not know it or does not let it log in. */
    Optional<SipIdentity> identity(String username);
}
